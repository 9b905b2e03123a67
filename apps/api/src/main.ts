import type { Server } from 'node:http';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { errorForLog, logger, PinoNestLogger } from './common/logger.js';
import { startMetricsServer } from './common/metrics-server.js';
import { closeServer, startWaitingServer } from './common/waiting-server.js';
import { ConfigError, loadConfig } from './config/config.js';
import { prepareDatabase } from './database/bootstrap.js';
import {
  type EmbeddedDatabase,
  EmbeddedPostgresError,
  ensureDatabase,
  startEmbeddedPostgres,
} from './database/embedded-postgres.js';

const log = (line: string) => logger.info(line);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let embedded: EmbeddedDatabase | undefined;
let waiting: Server | undefined;
let metrics: Server | undefined;
let app: INestApplication | undefined;
let stopping = false;

async function shutdown(reason: string, exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  log(`${reason}: stopping API${embedded ? ' and embedded PostgreSQL' : ''}`);
  await app?.close().catch(() => undefined);
  if (waiting) await closeServer(waiting);
  if (metrics) await closeServer(metrics);
  await embedded?.stop().catch(() => undefined);
  process.exit(exitCode);
}

/** A killed embedded PostgreSQL is started again; if it will not come back, the whole process stops and says why. */
async function restartEmbedded(why: string): Promise<void> {
  console.error(`[sailcourt] embedded PostgreSQL stopped unexpectedly (${why}); restarting it`);
  for (let attempt = 1; attempt <= 3 && !stopping; attempt++) {
    await sleep(500 * attempt);
    try {
      await embedded?.restart();
      log(`embedded PostgreSQL restarted (attempt ${attempt})`);
      return;
    } catch (error) {
      console.error(
        `[sailcourt] restart attempt ${attempt} failed: ${error instanceof Error ? error.message : String(error ?? 'it exited at once')}`,
      );
    }
  }
  console.error(
    '[sailcourt] embedded PostgreSQL could not be restarted; stopping. Check the data folder and its log, then start again.',
  );
  await shutdown('embedded PostgreSQL down', 1);
}

/**
 * Migrates and seeds, retrying with backoff while the database is unreachable: a replica started
 * during an outage waits (alive, not ready) instead of exiting and being restarted in a loop.
 */
async function prepareWithRetry(
  databaseUrl: string,
  run: () => Promise<void>,
  setReason: (reason: string) => void,
): Promise<void> {
  for (let attempt = 1, delay = 500; ; attempt++, delay = Math.min(delay * 2, 3000)) {
    try {
      await run();
      return;
    } catch (error) {
      if (stopping) return;
      const message = error instanceof Error ? error.message || error.constructor.name : String(error);
      setReason(`waiting for the database (${message})`);
      console.error(
        `[sailcourt] database at ${redact(databaseUrl)} not usable (attempt ${attempt}: ${message}); retrying in ${delay} ms`,
      );
      await sleep(delay);
    }
  }
}

const redact = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

async function main(): Promise<void> {
  const config = loadConfig();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutdown(signal, 0));
  if (config.metricsPort !== undefined) {
    metrics = await startMetricsServer(config.metricsPort);
    log(`metrics on internal port ${config.metricsPort} (/metrics)`);
  }
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(join(config.dataDir, 'postgres'), config.embeddedPgPort, {
      onUnexpectedExit: (why) => void restartEmbedded(why),
    });
    await ensureDatabase(embedded.url('postgres'), 'sailcourt');
    databaseUrl = embedded.url('sailcourt');
    log(`embedded PostgreSQL on port ${config.embeddedPgPort}, data in ${config.dataDir}`);
  }
  let reason = 'connecting to the database';
  // With a management port, liveness is answered there and the API port opens only when ready (a
  // balancer then never hands a request to a replica that cannot serve it). Without one (local
  // development), the API port answers right away: alive, not ready, 503 for everything else.
  if (config.metricsPort === undefined) waiting = await startWaitingServer(config.apiPort, () => reason);
  const url = databaseUrl;
  await prepareWithRetry(
    url,
    async () => {
      const report = await prepareDatabase(url, { seed: config.seedOnStart, organizer: config.organizer });
      if (report)
        log(
          `seed: ${Object.entries(report)
            .map(([k, v]) => `${v} ${k}`)
            .join(', ')} added`,
        );
    },
    (next) => (reason = next),
  );
  if (stopping) return;
  const ready = await createApp(config, { databaseUrl: url, logger: new PinoNestLogger() });
  if (waiting) await closeServer(waiting);
  waiting = undefined;
  app = ready;
  await app.listen(config.apiPort);
  log(`API on http://localhost:${config.apiPort}/api (docs: /api/docs)`);
  if (config.organizer.isLocalDefault) {
    log(
      `local organizer: ${config.organizer.email} / ${config.organizer.password} (set ORGANIZER_EMAIL/ORGANIZER_PASSWORD to change)`,
    );
  }
}

main().catch(async (error: unknown) => {
  if (error instanceof ConfigError || error instanceof EmbeddedPostgresError) console.error(error.message);
  else logger.fatal({ err: errorForLog(error) }, 'start-up failed');
  await embedded?.stop().catch(() => undefined);
  process.exit(1);
});
