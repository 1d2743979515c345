/**
 * The HTTP app, built by a factory with its dependencies passed in, so tests
 * run it in-process (app.inject) on a store of their own. Every route comes
 * from the route table; every way a request can fail goes through the one
 * error translator (error-translator.ts) and leaves as {code, message} in the
 * caller's language.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Lang } from '../i18n/i18n.js';
import { ApiError } from './api-error.js';
import { bodyLimitBytes, clientErrorHandler, translateError, type ErrorLog } from './error-translator.js';
import { requestLang } from './request-lang.js';
import { admit, securityHeaders } from './access-guard.js';
import { CookieResult, defaultUploadLimit, FileResult, langOnly, openApi, parseInput, route, noInput, type AppDeps, type RouteSpec } from './route-spec.js';
import { analysisRoutes } from './routes/analysis-routes.js';
import { customerRoutes } from './routes/customer-routes.js';
import { exportRoutes } from './routes/export-routes.js';
import { taskRoutes } from './routes/task-routes.js';
import { forecastReportRoutes } from './routes/forecast-report-routes.js';
import { settingsRoutes } from './routes/settings-routes.js';
import { importRoutes } from './routes/import-routes.js';
import { overviewRoutes } from './routes/overview-routes.js';
import { quarantineRoutes } from './routes/quarantine-routes.js';
import { playbookRoutes } from './routes/playbook-routes.js';
import { sessionRoutes } from './routes/session-routes.js';
import { backupRoutes } from './routes/backup-routes.js';
import { userRoutes } from './routes/user-routes.js';

export const apiRoutes: readonly RouteSpec[] = [...overviewRoutes, ...analysisRoutes, ...exportRoutes, ...customerRoutes, ...taskRoutes, ...forecastReportRoutes, ...settingsRoutes, ...importRoutes, ...quarantineRoutes, ...sessionRoutes, ...playbookRoutes, ...backupRoutes, ...userRoutes];

export interface AppOptions {
  readonly logger?: boolean;
  /** The built browser app (index.html and assets), served at / beside the API. */
  readonly webRoot?: string;
}

/** Where the build puts the browser app, found from this module in src/ (tsx) or dist/ (built). */
export function defaultWebRoot(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = path.resolve(here, '..', '..', 'dist', 'web');
  const built = path.resolve(here, '..', 'web');
  for (const candidate of [built, dir]) if (existsSync(path.join(candidate, 'index.html'))) return candidate;
  return undefined;
}

export function createApp(deps: AppDeps, options: AppOptions = {}): FastifyInstance {
  const log: ErrorLog = deps.log ?? ((line) => console.error(line));
  const answerError = errorAnswerer(deps.defaultLang, log);
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: bodyLimitBytes,
    // A malformed address (%zz) is refused before routing: still the API's answer.
    frameworkErrors: answerError,
    clientErrorHandler: clientErrorHandler(deps.defaultLang, log),
  });
  void app.register(multipart, { limits: { fileSize: deps.uploadLimit ?? defaultUploadLimit, files: 1, fields: 10 } });
  const docs = route({ method: 'GET', url: '/api/docs', summary: 'This OpenAPI document', access: 'public', query: langOnly, params: noInput, handler: async () => document });
  const routes = [...apiRoutes, docs];
  const document = openApi(routes, '0.1.0');
  for (const spec of routes) {
    app.route({
      method: spec.method,
      url: spec.url,
      handler: async (req, reply) => {
        const lang = requestLang(req.query, req.headers['accept-language'], deps.defaultLang);
        const session = await admit(deps.store.engine.readers(), req, spec.access, deps.now(), deps.controlToken);
        const query = parseInput(spec.query, req.query, lang);
        const params = parseInput(spec.params, req.params, lang);
        const body = spec.body ? parseInput(spec.body, req.body, lang) : undefined;
        const result = await spec.handler({ query, params, body, lang, deps, raw: req, principal: session?.principal ?? null });
        if (spec.status !== undefined) void reply.status(spec.status);
        if (result instanceof CookieResult) {
          void reply.header('set-cookie', result.cookie);
          return result.body;
        }
        if (!(result instanceof FileResult)) return result;
        void reply.header('content-type', result.contentType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(result.filename)}`);
        return result.body;
      },
    });
  }
  app.addHook('onSend', async (_req, reply, payload) => {
    securityHeaders(reply);
    return payload;
  });
  if (options.webRoot !== undefined) {
    void app.register(fastifyStatic, {
      root: options.webRoot,
      index: 'index.html',
      cacheControl: false,
      // Built assets carry a content hash in their name; the page itself must always be fresh.
      setHeaders: (res, file) => res.setHeader('cache-control', file.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable'),
    });
  }
  app.setNotFoundHandler((req, reply) => answerError(new ApiError(404, 'not_found', { path: req.url.split('?')[0] ?? '' }), req, reply));
  app.setErrorHandler(answerError);
  return app;
}

/** How every failed request is answered: through the error translator, in the caller's language. */
function errorAnswerer(fallback: Lang, log: ErrorLog) {
  return (error: unknown, req: FastifyRequest, reply: FastifyReply): void => {
    // An address refused before routing has no parsed query: ?lang= is read from the raw one.
    const query = req.query ?? Object.fromEntries(new URLSearchParams(req.url.split('?')[1] ?? ''));
    const { status, body } = translateError(error, requestLang(query, req.headers['accept-language'], fallback), log, `${req.method} ${req.url}`);
    // Answers refused before routing skip the onSend hook that sets these.
    securityHeaders(reply);
    void reply.status(status).send(body);
  };
}
