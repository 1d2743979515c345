/**
 * The one error translator of the HTTP edge. However a request fails — an
 * ApiError from a route, Fastify refusing the body or the address, Node
 * unable to parse the request at all, or a bug — the caller gets
 * {code, message} in their language. Bugs are logged; their details never
 * reach the caller.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError } from 'fastify';
import { translator, type Lang } from '../i18n/i18n.js';
import { roleName } from '../i18n/role-names.js';
import { serverMessages, type ServerKey } from '../i18n/server-messages.js';
import { PeriodBeforeDataError, PeriodOrderError } from '../analytics/analysis-period.js';
import { ApiError } from './api-error.js';
import { requestLang } from './request-lang.js';

export interface ErrorAnswer {
  readonly status: number;
  readonly body: { readonly code: ServerKey; readonly message: string; readonly details?: ApiError['details'] };
}

/** Where a bug is reported: one line per error. */
export type ErrorLog = (line: string) => void;

export const bodyLimitBytes = 1024 * 1024;

// Fastify's own refusals and @fastify/multipart's (an upload), by their error code, as the API's.
const frameworkErrors: Readonly<Record<string, readonly [number, ServerKey]>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'bad_json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'empty_json'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'content_length_mismatch'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_BAD_URL: [400, 'bad_url'],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'address_part_too_long'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, 'unsupported_media_type'],
  FST_PROTO_VIOLATION: [400, 'bad_multipart'],
  FST_INVALID_JSON_FIELD_ERROR: [400, 'bad_multipart'],
  FST_PARTS_LIMIT: [413, 'upload_too_many_parts'],
  FST_FILES_LIMIT: [413, 'upload_too_many_parts'],
  FST_FIELDS_LIMIT: [413, 'upload_too_many_parts'],
};

/** The error as an expected problem, or null for a bug. */
function asApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof PeriodOrderError) return new ApiError(400, 'period_order', { from: error.from, to: error.to });
  if (error instanceof PeriodBeforeDataError) return new ApiError(400, 'period_before_data', { date: error.date, first: error.firstOrder });
  const { code, statusCode } = error as { code?: string; statusCode?: number };
  const known = code === undefined ? undefined : frameworkErrors[code];
  if (known) return new ApiError(known[0], known[1], { limit: bodyLimitBytes / 1024 / 1024 });
  // Any other refusal of the framework's: its text is English only, so its code is named instead.
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) return new ApiError(statusCode, 'request_refused', { reason: code ?? `HTTP ${statusCode}` });
  return null;
}

export function translateError(error: unknown, lang: Lang, log: ErrorLog, where: string): ErrorAnswer {
  const t = translator(serverMessages, lang);
  const expected = asApiError(error);
  if (expected === null) {
    log(`salescope: internal error on ${where}: ${describe(error)}`);
    return { status: 500, body: { code: 'internal', message: t('internal') } };
  }
  const details = expected.details ? { details: expected.details } : {};
  return { status: expected.status, body: { code: expected.code, message: t(expected.code, wordedParams(expected.params, lang)), ...details } };
}

/** A role named in a refusal reads as the role's name in the caller's language, not its code. */
function wordedParams(params: ApiError['params'], lang: Lang): ApiError['params'] {
  return typeof params.role === 'string' ? { ...params, role: roleName(params.role, lang) } : params;
}

/** The error and its stack on one line, so a log reader sees each error whole. */
function describe(error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  return text.replace(/\s*\n\s*/g, ' | ');
}

/**
 * A request Node could not parse (raw UTF-8 in the address, say) never
 * reaches Fastify: it is answered on the socket, in the language the raw
 * request asked for if it got that far.
 */
export function clientErrorHandler(fallback: Lang, log: ErrorLog) {
  return (error: ConnectionError, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const { status, body } = translateError(clientProblem(error.code), rawRequestLang(error.rawPacket, fallback), log, 'an unparsable request');
    const json = JSON.stringify(body);
    if (socket.writable) {
      socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`);
    }
    socket.destroy();
  };
}

function clientProblem(code: string | undefined): ApiError {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return new ApiError(408, 'request_timeout');
  if (code === 'HPE_HEADER_OVERFLOW') return new ApiError(431, 'headers_too_large');
  return new ApiError(400, 'malformed_request');
}

function rawRequestLang(packet: unknown, fallback: Lang): Lang {
  const [line = '', ...headers] = (Buffer.isBuffer(packet) ? packet.toString('latin1') : '').split('\r\n');
  const lang = /[?&]lang=([\w-]+)/.exec(line)?.[1];
  const accept = headers.find((h) => /^accept-language:/i.test(h))?.replace(/^accept-language:/i, '');
  return requestLang({ lang }, accept, fallback);
}
