#!/usr/bin/env node
// Runs the whole platform locally: the API (which starts its embedded PostgreSQL unless
// DATABASE_URL is set, migrates and seeds), API_REPLICAS-1 more API replicas on the next ports
// sharing that database, and then the web server. Ctrl-C or SIGTERM stops them all, and the first
// API stops PostgreSQL, so nothing is left running.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { embeddedDatabaseUrl } from '../apps/api/dist/database/embedded-url.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const apiPort = Number(process.env.API_PORT ?? '3001');
const webPort = process.env.WEB_PORT ?? '3000';
const replicas = Number(process.env.API_REPLICAS ?? '1');
if (!Number.isInteger(replicas) || replicas < 1 || replicas > 16) {
  console.error(`[sailcourt] API_REPLICAS must be a whole number from 1 to 16 (got '${process.env.API_REPLICAS}').`);
  process.exit(1);
}
const apiUrl = (i) => `http://127.0.0.1:${apiPort + i}`;
const children = [];
let stopping = false;

function start(name, script, env) {
  const child = spawn(process.execPath, [script], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[sailcourt] ${name} exited (${signal ?? code}); stopping everything.`);
      void stop(1);
    }
  });
  children.push(child);
  return child;
}

async function waitForApi(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The API did not become healthy at ${url}/api/health within ${timeoutMs / 1000} s.`);
}

/** The first replica is stopped last: it owns the embedded PostgreSQL the others use. */
async function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  const [first, ...rest] = running;
  const kill = (child) =>
    new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
    });
  await Promise.all(rest.map(kill));
  if (first) await kill(first);
  process.exit(exitCode);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  start('API', 'apps/api/dist/main.js', { API_PORT: String(apiPort) });
  await waitForApi(apiUrl(0), 120_000);
  // The others share the first one's database (and, through DATA_DIR, its token secret); it is already migrated and seeded.
  const databaseUrl =
    process.env.DATABASE_URL ?? embeddedDatabaseUrl(Number(process.env.EMBEDDED_PG_PORT ?? '54329'), 'sailcourt');
  for (let i = 1; i < replicas; i++)
    start(`API replica ${i + 1}`, 'apps/api/dist/main.js', {
      API_PORT: String(apiPort + i),
      DATABASE_URL: databaseUrl,
      SEED_ON_START: 'false',
    });
  await Promise.all(Array.from({ length: replicas - 1 }, (_, i) => waitForApi(apiUrl(i + 1), 60_000)));
} catch (error) {
  console.error(`[sailcourt] ${error.message}`);
  await stop(1);
}
// SvelteKit refuses cross-site form posts by comparing Origin with ORIGIN (adapter-node would
// otherwise assume https). Behind a proxy or under another host name, set ORIGIN accordingly.
// The web proves itself to the API with this secret when it forwards a visitor's address; in local
// mode the API generated it into DATA_DIR (like the token secret), so the two share it without setup.
// Browsers open live streams on the API directly (API_PORT on the page's host, or PUBLIC_API_URL).
const secretFile = resolve(root, process.env.DATA_DIR ?? '.data', 'web-proxy-secret');
const webProxySecret =
  process.env.WEB_PROXY_SECRET ?? (existsSync(secretFile) ? readFileSync(secretFile, 'utf8').trim() : undefined);
start('web', 'apps/web/server.js', {
  PORT: webPort,
  HOST: process.env.HOST ?? '0.0.0.0',
  API_URL: apiUrl(0),
  API_PORT: String(apiPort),
  ORIGIN: process.env.ORIGIN ?? `http://localhost:${webPort}`,
  ...(webProxySecret ? { WEB_PROXY_SECRET: webProxySecret } : {}),
  // Spreadsheet and track uploads go through the web's form actions.
  BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '11M',
});
const apis = Array.from({ length: replicas }, (_, i) => apiUrl(i).replace('127.0.0.1', 'localhost')).join(', ');
console.log(
  `[sailcourt] web on http://localhost:${webPort}  ·  API on ${apis} (/api)  ·  API docs on http://localhost:${apiPort}/api/docs`,
);
