#!/usr/bin/env node
// Runs the whole platform locally: the API (which starts its embedded PostgreSQL unless
// DATABASE_URL is set, migrates and seeds) and then the web server. Ctrl-C or SIGTERM stops
// both, and the API stops PostgreSQL, so nothing is left running.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const apiPort = process.env.API_PORT ?? '3001';
const webPort = process.env.WEB_PORT ?? '3000';
const apiUrl = `http://127.0.0.1:${apiPort}`;
const children = [];
let stopping = false;

function start(name, script, env) {
  const child = spawn(process.execPath, [script], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[sailcourt] ${name} exited (${signal ?? code}); stopping everything.`);
      void stop(1);
    }
  });
  children.push(child);
  return child;
}

async function waitForApi(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      const res = await fetch(`${apiUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The API did not become healthy at ${apiUrl}/api/health within ${timeoutMs / 1000} s.`);
}

async function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.filter((child) => child.exitCode === null && child.signalCode === null).map(
      (child) =>
        new Promise((resolve) => {
          child.once('exit', resolve);
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
        }),
    ),
  );
  process.exit(exitCode);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

start('API', 'apps/api/dist/main.js', { API_PORT: apiPort });
try {
  await waitForApi(120_000);
} catch (error) {
  console.error(`[sailcourt] ${error.message}`);
  await stop(1);
}
// SvelteKit refuses cross-site form posts by comparing Origin with ORIGIN (adapter-node would
// otherwise assume https). Behind a proxy or under another host name, set ORIGIN accordingly.
start('web', 'apps/web/build/index.js', { PORT: webPort, HOST: process.env.HOST ?? '0.0.0.0', API_URL: apiUrl, ORIGIN: process.env.ORIGIN ?? `http://localhost:${webPort}`, BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '11M' });
console.log(`[sailcourt] web on http://localhost:${webPort}  ·  API on http://localhost:${apiPort}/api  ·  API docs on http://localhost:${apiPort}/api/docs`);
