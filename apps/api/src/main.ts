import { join } from 'node:path';
import { createApp } from './app.factory.js';
import { errorForLog, logger, PinoNestLogger } from './common/logger.js';
import { ConfigError, loadConfig } from './config/config.js';
import { prepareDatabase } from './database/bootstrap.js';
import { type EmbeddedDatabase, EmbeddedPostgresError, ensureDatabase, startEmbeddedPostgres } from './database/embedded-postgres.js';

async function main(): Promise<void> {
  const config = loadConfig();
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(join(config.dataDir, 'postgres'), config.embeddedPgPort);
    await ensureDatabase(embedded.url('postgres'), 'sailcourt');
    databaseUrl = embedded.url('sailcourt');
    logger.info(`embedded PostgreSQL on port ${config.embeddedPgPort}, data in ${config.dataDir}`);
  }
  const stopEmbedded = async () => {
    await embedded?.stop().catch(() => undefined);
    embedded = undefined;
  };
  try {
    const report = await prepareDatabase(databaseUrl, { seed: config.seedOnStart, organizer: config.organizer });
    if (report) logger.info({ seed: report }, `seed: ${Object.entries(report).map(([k, v]) => `${v} ${k}`).join(', ')} added`);
    const app = await createApp(config, { databaseUrl, logger: new PinoNestLogger() });
    await app.listen(config.apiPort);
    logger.info(`API on http://localhost:${config.apiPort}/api (docs: /api/docs)`);
    if (config.organizer.isLocalDefault) {
      logger.info(`local organizer: ${config.organizer.email} / ${config.organizer.password} (set ORGANIZER_EMAIL/ORGANIZER_PASSWORD to change)`);
    }
    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info(`${signal}: stopping API${embedded ? ' and embedded PostgreSQL' : ''}`);
      await app.close().catch(() => undefined);
      await stopEmbedded();
      process.exit(0);
    };
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutdown(signal));
  } catch (error) {
    await stopEmbedded();
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof EmbeddedPostgresError) console.error(error.message);
  else logger.fatal({ err: errorForLog(error) }, 'start-up failed');
  process.exit(1);
});
