import { createServer, type Server } from 'node:http';
import { metricsRegistry } from './observability.js';

/**
 * The internal (management) listener: Prometheus scrapes `/metrics` (or `/api/metrics`) here, on a
 * port that the edge proxy and the Ingress never route, so the public API port serves no metrics.
 * It also answers liveness (`/api/health/live`) from the first moment, while the API port stays
 * closed until the replica is ready: a proxy then simply tries another replica, even for a POST.
 */
export function startMetricsServer(port: number, host = '0.0.0.0'): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/api/health/live') {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }));
      return;
    }
    if (req.method !== 'GET' || (path !== '/metrics' && path !== '/api/metrics')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    metricsRegistry.metrics().then(
      (text) =>
        res.writeHead(200, { 'content-type': metricsRegistry.contentType, 'cache-control': 'no-store' }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
