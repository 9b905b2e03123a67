import 'reflect-metadata';
import { type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import { observeRequests } from './common/observability.js';
import { makeProblem, sendProblem } from './common/problem.filter.js';
import { createValidationPipe } from './common/validation.js';
import { AppModule } from './app.module.js';
import { SHEET_TYPES } from './modules/imports/imports.controller.js';
import { IMPORT_MAX_BYTES } from './modules/imports/spreadsheet.js';
import type { AppConfig } from './config/config.js';

const IMPORT_PATH = /^\/api\/events\/[^/]+\/imports\//;
/** Room for the 10 MB file (a body a few bytes over it must reach the reader, which answers with the limit). */
const IMPORT_LIMIT = IMPORT_MAX_BYTES + 1024;

export type CreateAppOptions = { databaseUrl: string | null; logger?: LogLevel[] | false };

/** The one place the HTTP app is assembled, shared by the server, the tests and the OpenAPI writer. */
export async function createApp(config: AppConfig, options: CreateAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config, options.databaseUrl), {
    bodyParser: false,
    logger: options.logger ?? ['error', 'warn'],
  });
  app.setGlobalPrefix('api');
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.use(observeRequests(config.requestLog));
  // Spreadsheet imports: the file itself (10 MB at most; the rows limit is checked when it is read), and the
  // corrected rows as JSON; everything else keeps the small BODY_LIMIT.
  const importRaw = express.raw({ limit: IMPORT_LIMIT, type: SHEET_TYPES });
  const importJson = express.json({ limit: IMPORT_LIMIT, type: ['application/json'] });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!IMPORT_PATH.test(req.path)) return next();
    importRaw(req, res, (error?: unknown) => (error ? next(error) : importJson(req, res, next)));
  });
  app.use(express.json({ limit: config.bodyLimit, type: ['application/json', 'application/*+json'] }));
  app.use(bodyParserErrors);
  app.useGlobalPipes(createValidationPipe());
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Sailcourt API')
    .setDescription('Seasons, events, teams, registrations, matches, standings, the sailing rally and tourism impact. Errors are application/problem+json (RFC 9457).')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Malformed JSON and oversized bodies are the client's fault: 400 and 413 as problem+json, not Express's HTML. */
function bodyParserErrors(error: unknown, req: Request, res: Response, next: NextFunction): void {
  const type = (error as { type?: string } | null)?.type;
  if (type === 'entity.parse.failed') return sendProblem(res, makeProblem(400, 'The request body is not valid JSON.', [{ field: 'body', message: 'is not valid JSON' }]));
  if (type === 'entity.too.large') {
    const detail = IMPORT_PATH.test(req.originalUrl) ? `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB.` : 'The request body is too large.';
    return sendProblem(res, makeProblem(413, detail));
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return sendProblem(res, makeProblem(415, 'Unsupported body encoding.'));
  next(error);
}
