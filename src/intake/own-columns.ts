/** Columns salescope itself adds to exported files ("salescope: problems") are not data: re-imports ignore them. */
export function isOwnColumn(header: string): boolean {
  return header.trim().toLowerCase().startsWith('salescope:');
}
