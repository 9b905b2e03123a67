// Ports, folders and switches of `pnpm cluster`, from the environment with documented defaults.
import { resolve } from 'node:path';

const int = (env, name, fallback) => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`${name}=${raw} is not a port number`);
  return value;
};

/** Every number the cluster uses; API_PORT and WEB_PORT are the first of two consecutive ports. */
export function clusterSettings(env = process.env, root = process.cwd()) {
  const edgePort = int(env, 'EDGE_PORT', 8080);
  const apiPort = int(env, 'API_PORT', 4001);
  const webPort = int(env, 'WEB_PORT', 4011);
  const metricsPort = int(env, 'METRICS_PORT', 9464);
  const settings = {
    root,
    dir: resolve(root, env.CLUSTER_DIR ?? '.cluster'),
    edge: {
      host: env.EDGE_HOST ?? '127.0.0.1',
      port: edgePort,
      internalPort: int(env, 'EDGE_INTERNAL_PORT', edgePort + 1),
    },
    api: [0, 1].map((i) => ({ name: `api-${i + 1}`, port: apiPort + i, metricsPort: metricsPort + i })),
    web: [0, 1].map((i) => ({ name: `web-${i + 1}`, port: webPort + i })),
    pgPort: int(env, 'PG_PORT', 54330),
    // Edge limits for sign-in and sign-up, per client address, shared by every replica behind it.
    signinRate: env.EDGE_SIGNIN_RATE ?? '20r/m',
    signupRate: env.EDGE_SIGNUP_RATE ?? '10r/m',
    restartDelayMs: Number(env.CLUSTER_RESTART_DELAY_MS ?? 1000),
    pgRestartDelayMs: Number(env.PG_RESTART_DELAY_MS ?? 1000),
  };
  const ports = [
    ['EDGE_PORT', settings.edge.port],
    ['EDGE_INTERNAL_PORT', settings.edge.internalPort],
    ...settings.api.flatMap((a, i) => [
      [`API_PORT+${i}`, a.port],
      [`METRICS_PORT+${i}`, a.metricsPort],
    ]),
    ...settings.web.map((w, i) => [`WEB_PORT+${i}`, w.port]),
    ['PG_PORT', settings.pgPort],
  ];
  const seen = new Map();
  for (const [name, port] of ports) {
    if (seen.has(port)) throw new Error(`${name} and ${seen.get(port)} are both ${port}; choose other ports`);
    seen.set(port, name);
  }
  settings.ports = ports;
  return settings;
}
