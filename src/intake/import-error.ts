/**
 * A file the intake cannot read at all. Expected (bad input, exit code 2),
 * unlike a bug; the CLI and HTTP edges translate the code into a message in
 * the user's language, naming the file and what to do.
 */
export type ImportErrorCode =
  | 'file_not_found'
  | 'file_is_folder'
  | 'file_empty'
  | 'file_binary'
  | 'file_unsupported'
  | 'xls_needs_conversion'
  | 'xls_conversion_failed'
  | 'xls_is_html'
  | 'xls_is_xml'
  | 'xlsx_corrupt'
  | 'parquet_corrupt'
  | 'xlsx_too_large'
  | 'xlsx_suspicious_ratio'
  | 'too_many_rows'
  | 'sheet_not_found'
  | 'no_columns'
  | 'entity_not_recognised'
  | 'required_columns_missing'
  | 'mapping_invalid'
  | 'mapping_column_not_found';

export type ImportErrorParams = Readonly<Record<string, string | number>>;

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly file: string,
    readonly params: ImportErrorParams = {},
  ) {
    super(`${code}: ${file} ${JSON.stringify(params)}`);
    this.name = 'ImportError';
  }
}

export function isImportError(error: unknown): error is ImportError {
  return error instanceof ImportError;
}
