/**
 * A real download of an API file: fetched (so a failure shows the server's
 * message instead of leaving the page), then saved under the name the server
 * gave in Content-Disposition through a temporary object URL.
 */
import type { Lang } from '../../../i18n/i18n.js';
import { failureOf, reach } from '../../app/api-client.js';

/** The file name of a Content-Disposition header: filename* (RFC 5987) first, else filename. */
export function dispositionName(header: string | null, fallback: string): string {
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header ?? '')?.[1];
  if (star) return decodeURIComponent(star.trim());
  return /filename\s*=\s*"?([^";]+)"?/.exec(header ?? '')?.[1]?.trim() ?? fallback;
}

export async function downloadFile(url: string, fallback: string, lang: Lang, signal?: AbortSignal): Promise<string> {
  const res = await reach(url, lang, signal ? { signal } : {});
  if (!res.ok) throw await failureOf(res);
  const name = dispositionName(res.headers.get('content-disposition'), fallback);
  const objectUrl = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = objectUrl;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has taken the file once the click's task is done; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
  return name;
}
