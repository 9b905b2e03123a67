// The web server: adapter-node's own (build/index.js: PORT, HOST, ORIGIN, graceful shutdown…), with the
// anonymous page cache answered in front of SvelteKit (src/lib/server/page-cache.ts, serveFromFront).
// Run it instead of build/index.js: `node apps/web/server.js`.
import { server } from './build/index.js';

const serveFromFront = () => globalThis[Symbol.for('sailcourt.serveFromFront')];
const httpServer = server.server;
// polka's handler is the first 'request' listener; adapter-node's request counter (for shutdown) follows it.
const [render] = httpServer.listeners('request');
httpServer.removeListener('request', render);
httpServer.prependListener('request', (req, res) => {
  if (!serveFromFront()?.(req, res)) render(req, res);
});
