#!/usr/bin/env node
// `pnpm cluster`: the production shape on one machine. Debian's PostgreSQL server with its own data
// folder, two API and two web replicas in production mode, and Debian's nginx as the edge. Crashed
// processes are restarted; Ctrl-C or SIGTERM stops everything it started. See infra/README.md.
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderNginxConfig } from './cluster/nginx-config.mjs';
import { ensureAppDatabase, initCluster, prepareSocketDir, serverArgs, waitForPostgres } from './cluster/postgres.mjs';
import { clusterSettings } from './cluster/settings.mjs';
import { killGroup, Supervisor } from './cluster/supervisor.mjs';
import { canTraverse, ensureDebianPackages, NGINX, osUser, postgresBin } from './cluster/system.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const log = (line) => console.log(`[cluster] ${line}`);
const fail = (line) => {
  console.error(`[cluster] ${line}`);
  process.exit(1);
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const started = Date.now();

let settings;
try {
  settings = clusterSettings(process.env, root);
} catch (error) {
  fail(error.message);
}
const { dir } = settings;
const isRoot = process.getuid?.() === 0;

for (const built of ['apps/api/dist/main.js', 'apps/web/build/index.js']) {
  if (!existsSync(join(root, built)))
    fail(`${built} is missing: run \`npx -y pnpm@12.4.2 cluster\` (it builds first) or \`npx -y pnpm@12.4.2 build\``);
}
try {
  ensureDebianPackages(log);
} catch (error) {
  fail(error.message);
}
const pgBin = postgresBin();
const pgUser = isRoot ? osUser('postgres') : null;
if (isRoot && !pgUser) fail("the OS user `postgres` is missing (it comes with Debian's postgresql package)");

mkdirSync(join(dir, 'logs'), { recursive: true });
stopLeftovers();

// --- secrets, generated once into the cluster folder -------------------------------------------
const secretsFile = join(dir, 'secrets.env');
const secrets = readEnvFile(secretsFile);
const generated = (key, make) => (secrets[key] ??= make());
const token = (bytes) => randomBytes(bytes).toString('base64url');
generated('PG_SUPERUSER_PASSWORD', () => token(24));
generated('DB_PASSWORD', () => token(24));
generated('JWT_SECRET', () => token(48));
generated('ORGANIZER_EMAIL', () => 'organizer@sailcourt.cluster');
generated('ORGANIZER_PASSWORD', () => token(18));
writeFileSync(
  secretsFile,
  Object.entries(secrets)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n') + '\n',
  { mode: 0o600 },
);
const organizer = {
  email: process.env.ORGANIZER_EMAIL ?? secrets.ORGANIZER_EMAIL,
  password: process.env.ORGANIZER_PASSWORD ?? secrets.ORGANIZER_PASSWORD,
  generated: !process.env.ORGANIZER_PASSWORD,
};
const databaseUrl = `postgres://sailcourt:${encodeURIComponent(secrets.DB_PASSWORD)}@127.0.0.1:${settings.pgPort}/sailcourt`;

// --- ports must be free before anything starts ----------------------------------------------------
for (const [name, port] of settings.ports) {
  if (!(await portIsFree(port)))
    fail(`port ${port} (${name}) is in use; set ${name.replace(/\+\d$/, '')} to another port`);
}

// --- PostgreSQL -----------------------------------------------------------------------------------
// PostgreSQL runs as `postgres`, which must be able to reach its data folder: a cluster folder under a
// home that others cannot enter (e.g. /root) gets its database files in /var/tmp instead.
let pgDir = join(dir, 'postgres');
if (isRoot) {
  mkdirSync(dir, { recursive: true });
  if (!canTraverse(dir, pgUser)) {
    const elsewhere = join(
      '/var/tmp',
      `sailcourt-cluster-${createHash('sha256').update(dir).digest('hex').slice(0, 12)}`,
    );
    log(`user postgres cannot enter ${dir}; keeping the database files in ${elsewhere}`);
    mkdirSync(elsewhere, { recursive: true, mode: 0o755 });
    pgDir = join(elsewhere, 'postgres');
  }
}
const pgData = join(pgDir, 'data');
mkdirSync(pgDir, { recursive: true, mode: 0o755 });
if (initCluster({ bin: pgBin, dataDir: pgData, user: pgUser, superPassword: secrets.PG_SUPERUSER_PASSWORD }))
  log(`initialised PostgreSQL data in ${pgData}`);
const socketDir = join(pgDir, 'socket');
prepareSocketDir(socketDir, pgUser);

const supervisor = new Supervisor({
  logDir: join(dir, 'logs'),
  log,
  onGiveUp: (why) => void stop(`${why}; stopping the cluster`, 1),
  onStart: () => writeState(),
});
let stopping = false;
process.on('SIGINT', () => void stop('Ctrl-C', 0));
process.on('SIGTERM', () => void stop('SIGTERM', 0));
process.on('exit', () => supervisor.killAllNow());

supervisor.start({
  name: 'postgres',
  command: join(pgBin, 'postgres'),
  args: serverArgs({ dataDir: pgData, port: settings.pgPort, socketDir }),
  env: { ...process.env, LC_MESSAGES: 'C' },
  uid: pgUser?.uid,
  gid: pgUser?.gid,
  restartDelayMs: settings.pgRestartDelayMs,
  stopSignal: 'SIGINT', // fast shutdown: active sessions end, committed data is safe
});
try {
  await waitForPostgres(pgBin, settings.pgPort);
  ensureAppDatabase({
    bin: pgBin,
    port: settings.pgPort,
    superPassword: secrets.PG_SUPERUSER_PASSWORD,
    appPassword: secrets.DB_PASSWORD,
  });
} catch (error) {
  await stop(`PostgreSQL did not start (${error.message}); see ${join(dir, 'logs', 'postgres.log')}`, 1);
}
log(`PostgreSQL ${pgBin.split('/').at(-2)} on 127.0.0.1:${settings.pgPort}`);

// --- API and web replicas ---------------------------------------------------------------------------
for (const api of settings.api) {
  supervisor.start({
    name: api.name,
    command: process.execPath,
    args: [join(root, 'apps/api/dist/main.js')],
    cwd: root,
    restartDelayMs: settings.restartDelayMs,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      API_PORT: String(api.port),
      METRICS_PORT: String(api.metricsPort),
      DATABASE_URL: databaseUrl,
      JWT_SECRET: secrets.JWT_SECRET,
      ORGANIZER_EMAIL: organizer.email,
      ORGANIZER_PASSWORD: organizer.password,
      DATA_DIR: join(dir, api.name),
      // Only the edge on this host may tell the API a client's address.
      TRUSTED_PROXIES: '127.0.0.1',
    },
  });
}
await waitAll(
  settings.api.map((a) => `http://127.0.0.1:${a.port}/api/health/ready`),
  180_000,
  'API replicas',
);
log(`API replicas ready on ${settings.api.map((a) => a.port).join(', ')}`);

for (const web of settings.web) {
  supervisor.start({
    name: web.name,
    command: process.execPath,
    args: [join(root, 'apps/web/server.js')],
    cwd: root,
    restartDelayMs: settings.restartDelayMs,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(web.port),
      API_URL: `http://127.0.0.1:${settings.edge.internalPort}`,
      ORIGIN: process.env.ORIGIN ?? `http://localhost:${settings.edge.port}`,
      // The edge writes the visitor's address here; the web passes it on to the API.
      ADDRESS_HEADER: 'X-Real-IP',
      // Browsers open live streams through the edge, on the page's own origin (/api/…/live).
      PUBLIC_API_URL: '',
    },
  });
}

// --- the edge -------------------------------------------------------------------------------------------
const nginxDir = join(dir, 'nginx');
const workerUser = isRoot ? (osUser('www-data') ? 'www-data' : 'nobody') : null;
for (const temp of ['client', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
  mkdirSync(join(nginxDir, 'temp', temp), { recursive: true });
  const owner = workerUser ? osUser(workerUser) : null;
  if (owner) chownSync(join(nginxDir, 'temp', temp), owner.uid, owner.gid);
}
const nginxConf = join(nginxDir, 'nginx.conf');
writeFileSync(
  nginxConf,
  renderNginxConfig({
    prefix: nginxDir,
    edge: settings.edge,
    api: settings.api,
    web: settings.web,
    signinRate: settings.signinRate,
    signupRate: settings.signupRate,
    workerUser,
  }),
);
supervisor.start({
  name: 'edge',
  command: NGINX,
  args: ['-p', nginxDir, '-c', nginxConf, '-e', join(nginxDir, 'error.log')],
  restartDelayMs: settings.restartDelayMs,
  env: process.env,
  // Fast shutdown: a graceful one (SIGQUIT) waits for every request in flight, and event streams (live scores, the
  // web's change stream) never finish, so it ran into the 15 s SIGKILL and left the workers as zombies.
  stopSignal: 'SIGTERM',
});
await waitAll(
  settings.web.map((w) => `http://127.0.0.1:${w.port}/`),
  60_000,
  'web replicas',
);
const edgeUrl = `http://${settings.edge.host === '0.0.0.0' ? '127.0.0.1' : settings.edge.host}:${settings.edge.port}`;
await waitAll([`${edgeUrl}/api/health/ready`, `${edgeUrl}/`], 30_000, 'edge');

const rel = (path) => relative(process.cwd(), path) || '.';
console.log(`[cluster] ready in ${((Date.now() - started) / 1000).toFixed(1)} s
  site        http://localhost:${settings.edge.port}/   (edge: nginx, listening on ${settings.edge.host})
  API         http://localhost:${settings.edge.port}/api   (docs: /api/docs; /api/metrics is not routed)
  internal    http://127.0.0.1:${settings.edge.internalPort}/metrics/{${settings.api.map((a) => a.name).join(',')}}, /nginx-status (loopback only)
  replicas    ${[...settings.api, ...settings.web].map((r) => `${r.name} :${r.port}`).join(', ')}
  PostgreSQL  127.0.0.1:${settings.pgPort}, data in ${rel(pgData)}
  organizer   ${organizer.email} / ${organizer.password}${organizer.generated ? ` (generated; kept in ${rel(secretsFile)})` : ''}
  logs        ${rel(join(dir, 'logs'))}/*.log, ${rel(nginxDir)}/access.log
[cluster] READY — Ctrl-C stops everything`);

// --- helpers -------------------------------------------------------------------------------------------------
async function stop(reason, exitCode) {
  if (stopping) return;
  stopping = true;
  log(`${reason}: stopping the edge, web, API and PostgreSQL…`);
  await supervisor.stopAll([['edge'], settings.web.map((w) => w.name), settings.api.map((a) => a.name), ['postgres']]);
  writeState(true);
  log('stopped; nothing left running');
  process.exit(exitCode);
}

async function waitAll(urls, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  const pending = new Set(urls);
  while (pending.size > 0) {
    if (stopping) await new Promise(() => undefined);
    if (Date.now() > deadline)
      await stop(
        `${what} not ready within ${timeoutMs / 1000} s (${[...pending].join(', ')}); see ${join(dir, 'logs')}`,
        1,
      );
    for (const url of pending) {
      const ok = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
        (r) => r.status < 500,
        () => false,
      );
      if (ok) pending.delete(url);
    }
    if (pending.size > 0) await sleep(250);
  }
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function readEnvFile(file) {
  if (!existsSync(file)) return {};
  return Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

/** What runs where, for operators and the fault drills (pids change when a process is restarted). */
function writeState(stopped = false) {
  if (!supervisor) return;
  const pids = Object.fromEntries(
    [...supervisor.services.keys()].map((name) => [name, stopped ? null : supervisor.pid(name)]),
  );
  const state = {
    supervisorPid: stopped ? null : process.pid,
    pids,
    settings,
    pgData,
    databaseUrl,
    organizer: { email: organizer.email, password: organizer.password },
  };
  writeFileSync(join(dir, 'state.json'), JSON.stringify(state, null, 2), { mode: 0o600 });
}

/** A previous run that was killed outright (SIGKILL) may have left processes; end them before starting. */
function stopLeftovers() {
  const file = join(dir, 'state.json');
  if (!existsSync(file)) return;
  let state;
  try {
    state = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return;
  }
  if (state.supervisorPid && isAlive(state.supervisorPid) && state.supervisorPid !== process.pid) {
    fail(`another cluster (pid ${state.supervisorPid}) is running from ${dir}; stop it first`);
  }
  // Each service ran in its own process group (pid = group id): its workers or backends may outlive it.
  const groups = Object.entries(state.pids ?? {}).filter(([, pid]) => pid && killGroup(pid, 'SIGCONT'));
  for (const [name, pid] of groups) {
    log(`ending ${name} (process group ${pid}) left over from a previous run`);
    killGroup(pid, name === 'postgres' ? 'SIGINT' : 'SIGKILL');
  }
  const deadline = Date.now() + 10_000;
  while (groups.some(([, pid]) => killGroup(pid, 0)) && Date.now() < deadline)
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
