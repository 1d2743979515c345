/**
 * Routes as data: method, path, Zod schemas for the query and path
 * parameters, and a handler that gets them parsed. The same table registers
 * the routes, validates every input and generates the OpenAPI document, so
 * an undocumented or unvalidated route cannot exist.
 */
import { z } from 'zod';
import type { Lang } from '../i18n/i18n.js';
import { describeIssues, inputProblem, zodMessages } from '../i18n/input-problems.js';
import type { FastifyRequest } from 'fastify';
import type { Store } from '../store/open-store.js';
import { ApiError } from './api-error.js';
import type { Principal, Role } from '../access/roles.js';

/**
 * 'public': no sign-in; 'control': only a local command holding the
 * server's control token (no browser session, no role); else the roles admitted.
 */
export type Access = 'public' | 'control' | readonly Role[];

export interface AppDeps {
  readonly store: Store;
  /** Largest file an upload may carry, in bytes (default 200 MB). */
  readonly uploadLimit?: number;
  /** Most data rows one uploaded file may bring (default 5 million). */
  readonly uploadRowLimit?: number;
  readonly now: () => Date;
  readonly defaultLang: Lang;
  /** Mark the session cookie Secure (behind HTTPS). */
  readonly secureCookies?: boolean;
  /** The secret a local `salescope` command shows to ask the running server for work only it can do (backup); none: no such routes answer. */
  readonly controlToken?: string;
  /** Where bugs behind a 500 are reported, one line each (default: stderr). */
  readonly log?: (line: string) => void;
}

export interface RouteInput<Q, P, B = unknown> {
  readonly query: Q;
  readonly params: P;
  readonly body: B;
  /** The request itself, for streamed uploads only. */
  readonly raw: FastifyRequest;
  readonly lang: Lang;
  readonly deps: AppDeps;
  /** Who is asking; null only on public routes. */
  readonly principal: Principal | null;
}

export interface RouteSpec<Q extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly summary: string;
  /**
   * Who may call it: 'public' (no sign-in) or the roles admitted. Required:
   * a route cannot exist without saying who may use it. Which customers a
   * caller sees within a route is the route's business (access/roles.ts).
   */
  readonly access: Access;
  readonly query: Q;
  readonly params: P;
  /** JSON body (routes without one leave it out). */
  readonly body?: B;
  /** Status of a success (default 200). */
  readonly status?: number;
  /** A multipart upload: the body is streamed by the handler, not parsed here. */
  readonly upload?: { readonly field: string; readonly description: string };
  readonly handler: (input: RouteInput<z.infer<Q>, z.infer<P>, z.infer<B>>) => Promise<unknown>;
}

export const defaultUploadLimit = 200 * 1024 * 1024;
export const defaultUploadRowLimit = 5_000_000;

export const noInput = z.object({}).strict();

/** Every route takes ?lang= (see request-lang.ts), even one with no other query. */
export const langOnly = z.object({ lang: z.enum(['zh-CN', 'en']).optional() }).strict();

/** A calendar date written YYYY-MM-DD that exists (2025-02-30 does not). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, inputProblem('date_format'))
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, inputProblem('not_a_real_date'));

/** JSON with a Set-Cookie header (sign-in and sign-out). */
export class CookieResult {
  constructor(readonly body: unknown, readonly cookie: string) {}
}

/** A download: the handler returns one of these instead of JSON. */
export class FileResult {
  constructor(readonly body: string | Buffer, readonly contentType: string, readonly filename: string) {}
}

export function route<Q extends z.ZodType, P extends z.ZodType, B extends z.ZodType = z.ZodUndefined>(spec: RouteSpec<Q, P, B>): RouteSpec {
  return spec as unknown as RouteSpec;
}

/** The input or a 400 naming each field (an unknown key by its name) and the problem, in the caller's language. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, lang: Lang = 'en'): z.infer<T> {
  const r = schema.safeParse(value ?? {}, { error: zodMessages[lang] });
  if (r.success) return r.data;
  throw badInput(r.error.issues, lang);
}

/** A 400 naming each field and its problem in `lang`. */
export function badInput(issues: readonly z.core.$ZodIssue[], lang: Lang, prefix: readonly string[] = []): ApiError {
  const details = describeIssues(issues, lang, prefix);
  return new ApiError(400, 'bad_request', { field: details[0]!.field, problem: details[0]!.problem }, details);
}

/** The OpenAPI 3.1 document of a route table. */
export function openApi(routes: readonly RouteSpec[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    const parameters = [
      ...fields(r.params).map(([name, schema]) => ({ name, in: 'path', required: true, schema })),
      ...fields(r.query).map(([name, schema, required]) => ({ name, in: 'query', required, schema })),
    ];
    paths[path] = {
      ...(paths[path] ?? {}),
      [r.method.toLowerCase()]: {
        summary: r.summary,
        description: r.access === 'public' ? 'No sign-in needed.' : r.access === 'control' ? 'Only the local salescope command, with the control token the server wrote beside the store (header x-salescope-control).' : `Signed in as: ${r.access.join(', ')}. State-changing methods need the session's CSRF token in the x-csrf-token header.`,
        parameters,
        ...(r.upload
          ? { requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { [r.upload.field]: { type: 'string', format: 'binary', description: r.upload.description } } } } } } }
          : {}),
        ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(r.body, { io: 'input', unrepresentable: 'any' }) } } } } : {}),
        responses: {
          '200': { description: 'OK' },
          '400': { description: 'Bad input: {code, message, details}' },
          '401': { description: 'Not signed in, or the session ended: {code, message}' },
          '403': { description: 'The role may not, or the CSRF token is missing: {code, message}' },
          '404': { description: 'Not found: {code, message}' },
          '409': { description: 'Conflict (an edit lost to another, or made on a version the server does not have): {code, message}' },
          '413': { description: 'Upload too large: {code, message}' },
        },
      },
    };
  }
  return { openapi: '3.1.0', info: { title: 'salescope API', version }, paths };
}

function fields(schema: z.ZodType): [string, unknown, boolean][] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => [name, s, (json.required ?? []).includes(name)]);
}
