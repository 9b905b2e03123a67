import { createServer, type Server } from 'node:http';
import { RETRY_AFTER_SECONDS } from '../database/database-errors.js';
import { makeProblem } from './problem.filter.js';

/**
 * What a replica serves on its port while it waits for the database at start-up: it is alive
 * (`/api/health/live` 200, so an orchestrator does not restart it in a loop) but not ready, and
 * every other request gets 503 problem+json with Retry-After. The real app replaces it once the
 * database is migrated.
 */
export function startWaitingServer(port: number, reason: () => string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/api/health/live') {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }));
      return;
    }
    const problem = { ...makeProblem(503, `Starting: ${reason()}`), instance: req.url ?? '/' };
    res
      .writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': String(RETRY_AFTER_SECONDS) })
      .end(JSON.stringify(problem));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
