import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Notification } from './notify/notification-bus.js';
import { ReadCache } from './read-cache.js';

/** A bus as the cache sees it: whether the listener is connected, and what it hears. */
class Bus {
  listening = true;
  private handlers: ((n: Notification) => void)[] = [];
  private resyncs: (() => void)[] = [];
  subscribe(handler: (n: Notification) => void) {
    this.handlers.push(handler);
    return () => undefined;
  }
  onResync(handler: () => void) {
    this.resyncs.push(handler);
    return () => undefined;
  }
  hear(n: Notification) {
    for (const h of this.handlers) h(n);
  }
  reconnect() {
    for (const h of this.resyncs) h();
  }
}

let server: Server;
let base: string;
let bus: Bus;
let cache: ReadCache;
let clock: number;
/** What the "application" behind the cache computed, per request it saw. */
let computed: number;

function app(req: IncomingMessage, res: ServerResponse): void {
  computed += 1;
  if (req.method !== 'GET') {
    res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
    return;
  }
  const url = req.url ?? '';
  if (url.startsWith('/api/private')) {
    res
      .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'private, no-store' })
      .end(`{"n":${computed}}`);
    return;
  }
  if (url.startsWith('/api/missing')) {
    res.writeHead(404, { 'content-type': 'application/problem+json' }).end('{}');
    return;
  }
  if (url.startsWith('/api/text')) {
    res.writeHead(200, { 'content-type': 'text/calendar' }).end('BEGIN:VCALENDAR');
    return;
  }
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('etag', `"v${computed}"`);
  res.write(`{"n":`);
  res.end(`${computed}}`);
}

async function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; requestId: string | null }> {
  const res = await fetch(`${base}${path}`, { headers });
  return { status: res.status, body: await res.text(), requestId: res.headers.get('x-request-id') };
}

beforeEach(async () => {
  computed = 0;
  clock = 0;
  bus = new Bus();
  cache = new ReadCache(bus, { ttlMs: 2_000, maxEntries: 3, now: () => clock });
  server = createServer(app);
  cache.install(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('the front read cache', () => {
  it('answers a repeated anonymous read from memory, with the same body and a request id of its own', async () => {
    const first = await get('/api/events/a/standings');
    const second = await get('/api/events/a/standings', { 'x-request-id': 'from-the-web-123' });
    expect(second.body).toBe(first.body);
    expect(computed).toBe(1);
    expect(second.requestId).toBe('from-the-web-123');
  });

  it('answers 304 from memory when the validator matches', async () => {
    await get('/api/events/a/standings');
    const res = await fetch(`${base}/api/events/a/standings`, { headers: { 'if-none-match': '"v1"' } });
    expect(res.status).toBe(304);
    expect(computed).toBe(1);
  });

  it('keeps answers apart by encoding asked for', async () => {
    await get('/api/events/a/standings', { 'accept-encoding': 'gzip' });
    await get('/api/events/a/standings', { 'accept-encoding': 'identity' });
    expect(computed).toBe(2);
  });

  it('forgets everything when a write is announced, when the listener reconnects, and when this replica answers a write', async () => {
    await get('/api/x');
    bus.hear({ t: 'data' });
    expect((await get('/api/x')).body).toBe('{"n":2}');
    bus.reconnect();
    expect((await get('/api/x')).body).toBe('{"n":3}');
    await fetch(`${base}/api/matches/m/result`, { method: 'PUT' });
    expect((await get('/api/x')).body).toBe('{"n":5}');
  });

  it('serves nothing from memory while the listener is down, since writes would go unheard', async () => {
    await get('/api/x');
    bus.listening = false;
    await get('/api/x');
    await get('/api/x');
    expect(computed).toBe(3);
  });

  it('lets entries expire, bounding answers that depend on the clock', async () => {
    await get('/api/live/today');
    clock = 1_999;
    await get('/api/live/today');
    expect(computed).toBe(1);
    clock = 2_000;
    await get('/api/live/today');
    expect(computed).toBe(2);
  });

  it('never keeps a signed-in read, a private or failed answer, a non-JSON answer, a health check or a stream', async () => {
    const paths: [string, Record<string, string>][] = [
      ['/api/me', { authorization: 'Bearer abc' }],
      ['/api/private', {}],
      ['/api/missing', {}],
      ['/api/text', {}],
      ['/api/health/ready', {}],
      ['/api/matches/m/live', {}],
      ['/api/changes', {}],
    ];
    for (const [path, headers] of paths) {
      await get(path, headers);
      await get(path, headers);
    }
    expect(computed).toBe(paths.length * 2);
    expect(cache.size).toBe(0);
  });

  it('holds a bounded number of answers, dropping the oldest', async () => {
    for (const id of ['a', 'b', 'c', 'd']) await get(`/api/events/${id}`);
    expect(cache.size).toBe(3);
    await get('/api/events/a');
    expect(computed).toBe(5);
  });
});
