/** Calls to the salescope API. Errors arrive as {code, message} in the user's language and surface as ApiFailure. */
import type { Lang } from '../../i18n/i18n.js';

/** A field of the request the server refused, and why, in the user's words. */
export interface FieldProblem {
  readonly field: string;
  readonly problem: string;
}

export class ApiFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details: readonly FieldProblem[] = []) {
    super(message);
  }
}

/** Any failure of a call as an ApiFailure: a bug in the page too. */
export function asFailure(error: unknown): ApiFailure {
  return error instanceof ApiFailure ? error : new ApiFailure(0, 'network', String(error));
}

const unreachable: Record<Lang, string> = {
  'zh-CN': '无法连接到 salescope 服务器：请检查网络，确认服务仍在运行，然后重试。',
  en: 'Cannot reach the salescope server: check the network and that the server is still running, then try again.',
};

/**
 * fetch, with a request that never reached the server (offline, the server
 * stopped) refused as an ApiFailure in the user's words, not the browser's
 * own "Failed to fetch".
 */
export async function reach(url: string, lang: Lang, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    // A request the page itself called off is not the network's fault.
    if (init?.signal?.aborted) throw error;
    throw new ApiFailure(0, 'network', unreachable[lang]);
  }
}

let csrfToken: string | null = null;

/** The session's CSRF token, set when the app learns who is signed in; sent with every change. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Headers a request made outside apiSend (an upload widget's own request) needs to change anything. */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

export type Query = Readonly<Record<string, string | number | boolean | undefined | null>>;

export function apiUrl(path: string, query: Query, lang: Lang): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  params.set('lang', lang);
  return `${path}?${params.toString()}`;
}

async function read<T>(res: Response): Promise<T> {
  if (!res.ok) throw await failureOf(res);
  return (await res.json().catch(() => null)) as T;
}

/** A refused response as an ApiFailure: the server's code, message and field problems, or its status when the body says nothing. */
export async function failureOf(res: Response): Promise<ApiFailure> {
  const body = (await res.json().catch(() => null)) as { code?: string; message?: string; details?: FieldProblem[] } | null;
  return new ApiFailure(res.status, body?.code ?? 'http_error', body?.message ?? `HTTP ${res.status}`, body?.details ?? []);
}

export async function apiGet<T>(path: string, query: Query, lang: Lang): Promise<T> {
  return read<T>(await reach(apiUrl(path, query, lang), lang));
}

export async function apiSend<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown, lang: Lang): Promise<T> {
  const csrf: Record<string, string> = csrfToken ? { 'x-csrf-token': csrfToken } : {};
  const init: RequestInit = body instanceof FormData
    ? { method, body, headers: csrf }
    : { method, headers: { 'content-type': 'application/json', ...csrf }, body: JSON.stringify(body ?? {}) };
  return read<T>(await reach(apiUrl(path, {}, lang), lang, init));
}
