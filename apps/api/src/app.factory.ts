import 'reflect-metadata';
import { type INestApplication, type LoggerService, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { DataSource } from 'typeorm';
import { resolveClientAddress } from './common/client-address.js';
import { NotificationBus } from './common/notify/notification-bus.js';
import { observeRequests } from './common/observability.js';
import { ReadCache } from './common/read-cache.js';
import { documentProblems } from './common/problem-openapi.js';
import { assignRequestId } from './common/request-id.js';
import { slugPaths } from './common/slug-paths.js';
import { makeProblem, sendProblem } from './common/problem.filter.js';
import { SafeInputPipe } from './common/safe-input.js';
import { createValidationPipe } from './common/validation.js';
import { AppModule } from './app.module.js';
import { SHEET_TYPES } from './modules/imports/imports.controller.js';
import { IMPORT_MAX_BYTES } from './modules/imports/spreadsheet.js';
import type { AppConfig } from './config/config.js';

const IMPORT_PATH = /^\/api\/events\/[^/]+\/imports\//;
/** Room for the 10 MB file (a body a few bytes over it must reach the reader, which answers with the limit). */
const IMPORT_LIMIT = IMPORT_MAX_BYTES + 1024;

export type CreateAppOptions = { databaseUrl: string | null; logger?: LogLevel[] | LoggerService | false };

/** The one place the HTTP app is assembled, shared by the server, the tests and the OpenAPI writer. */
export async function createApp(config: AppConfig, options: CreateAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config, options.databaseUrl), {
    bodyParser: false,
    logger: options.logger ?? ['error', 'warn'],
  });
  app.setGlobalPrefix('api');
  app.disable('x-powered-by');
  // X-Forwarded-For is believed only from the configured proxies (none by default).
  app.set('trust proxy', config.trustedProxies.length > 0 ? config.trustedProxies : false);
  app.use(assignRequestId);
  app.use(resolveClientAddress(config.webProxySecret));
  app.use(securityHeaders());
  app.use(observeRequests(config.requestLog));
  app.use(slugPaths(() => app.get(DataSource)));
  // Spreadsheet imports: the file itself (10 MB at most; the rows limit is checked when it is read), and the
  // corrected rows as JSON; everything else keeps the small BODY_LIMIT.
  const importRaw = express.raw({ limit: IMPORT_LIMIT, type: SHEET_TYPES });
  const importJson = express.json({ limit: IMPORT_LIMIT, type: ['application/json'] });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!IMPORT_PATH.test(req.path)) return next();
    importRaw(req, res, (error?: unknown) => (error ? next(error) : importJson(req, res, next)));
  });
  app.use(requireJsonBody);
  app.use(express.json({ limit: config.bodyLimit, type: ['application/json', 'application/*+json'] }));
  app.use(bodyParserErrors);
  // Order matters: hostile text and nesting are refused before the validator transforms anything.
  app.useGlobalPipes(new SafeInputPipe(), createValidationPipe());
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  if (config.readCache) new ReadCache(app.get(NotificationBus)).install(app.getHttpServer());
  return app;
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Sailcourt API')
    .setDescription(
      'Seasons, events, teams, registrations, matches, standings, the sailing rally and tourism impact. Errors are application/problem+json (RFC 9457).',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  return documentProblems(SwaggerModule.createDocument(app, config));
}

/**
 * Headers for a JSON API (no compression or buffering, so Server-Sent Events stream as written).
 * The CSP still lets the Swagger UI at /api/docs load its own scripts and styles.
 */
function securityHeaders() {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    // HSTS means something only over TLS; it is added below when the request came that way.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  });
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    headers(req, res, next);
  };
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

const unsupportedBody = (message: string) =>
  makeProblem(415, 'Send a JSON body with Content-Type: application/json.', [
    { field: 'body', message, code: 'request.unsupported-media-type' },
  ]);

/**
 * A body this API reads is JSON: anything else (text/plain, a form) is 415, never `{}`. A write
 * that takes a body and got none is refused by SafeInputPipe (415 too); `POST /auth/logout` takes none.
 */
/** Routes whose body is a file (a spreadsheet, a GPX or CSV track), read by their own parsers. */
const FILE_UPLOAD_PATHS = [IMPORT_PATH, /^\/api\/rallies\/[^/]+\/entries\/[^/]+\/track-imports\/?$/];

function requireJsonBody(req: Request, res: Response, next: NextFunction): void {
  if (!BODY_METHODS.has(req.method) || FILE_UPLOAD_PATHS.some((path) => path.test(req.path))) return next();
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !req.is(['application/json', 'application/*+json']))
    return sendProblem(res, unsupportedBody('must be application/json'));
  next();
}

/** Malformed JSON and oversized bodies are the client's fault: 400 and 413 as problem+json, not Express's HTML. */
function bodyParserErrors(error: unknown, req: Request, res: Response, next: NextFunction): void {
  const type = (error as { type?: string } | null)?.type;
  if (type === 'entity.parse.failed')
    return sendProblem(
      res,
      makeProblem(
        400,
        'The request body is not valid JSON.',
        [{ field: 'body', message: 'is not valid JSON' }],
        'validation.malformed-json',
      ),
    );
  if (type === 'entity.too.large') {
    const detail = IMPORT_PATH.test(req.originalUrl)
      ? `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB.`
      : 'The request body is too large.';
    return sendProblem(res, makeProblem(413, detail));
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported')
    return sendProblem(res, makeProblem(415, 'Unsupported body encoding.'));
  next(error);
}
