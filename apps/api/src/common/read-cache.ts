import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import { matchesIfNoneMatch } from './conditional.js';
import type { NotificationBus } from './notify/notification-bus.js';
import { countCachedRead } from './observability.js';
import { requestIdFor } from './request-id.js';

/**
 * The front read cache: anonymous `GET /api/…` JSON answers, kept as the bytes that were sent and served
 * again before Express, Nest or the database see the request (the measured ceiling of Express alone is
 * about a fifth of a bare Node server; this path runs at close to the bare server).
 *
 * - Keyed by the URL and the Accept-Encoding header (answers vary by encoding, never by anything else
 *   for an anonymous caller: the API reads no cookies and no language).
 * - Any committed write anywhere (PostgreSQL NOTIFY on the `sailcourt` channel: `data`, `feed`, `live`)
 *   empties it; so does this replica answering a write, before its answer leaves. A read that was
 *   already running when the cache was emptied is not kept, since it may have read the old data.
 * - Served only while the listener is connected: without notifications nobody would hear of writes.
 * - Entries also expire after a short time, which bounds answers that depend on the clock (today's games).
 */
export type ReadCacheOptions = { maxEntries?: number; maxBodyBytes?: number; ttlMs?: number; now?: () => number };

type Entry = {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  etag: string | undefined;
  route: string;
  storedAt: number;
};
type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Answers that are about this process or a stream, never data: always computed. */
const NEVER_CACHED = /^\/api\/(health|metrics|changes|docs)(\/|\?|-|$)|\/live(\?|$)/;
/** Per-request or per-connection headers, not part of what is cached. */
const NOT_KEPT = new Set(['date', 'x-request-id', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private readonly maxEntries: number;
  private readonly maxBodyBytes: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly bus: Pick<NotificationBus, 'listening' | 'subscribe' | 'onResync'>,
    options: ReadCacheOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 2_000;
    this.maxBodyBytes = options.maxBodyBytes ?? 4 * 1024 * 1024;
    this.ttlMs = options.ttlMs ?? 2_000;
    this.now = options.now ?? Date.now;
    bus.subscribe(() => this.clear());
    bus.onResync(() => this.clear());
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  /** Wraps the server's request handler (Express) with the cache. */
  install(server: Server): void {
    const [inner] = server.listeners('request') as Handler[];
    if (!inner) throw new Error('The HTTP server has no request handler to put the read cache in front of.');
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res: ServerResponse) => this.handle(req, res, inner));
  }

  handle(req: IncomingMessage, res: ServerResponse, inner: Handler): void {
    if (WRITE_METHODS.has(req.method ?? '')) {
      this.clearBeforeAnswer(res);
      return inner(req, res);
    }
    const key = this.keyOf(req);
    if (key === null) return inner(req, res);
    if (!this.bus.listening) {
      if (this.entries.size > 0) this.clear();
      return inner(req, res);
    }
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.storedAt < this.ttlMs) return this.serve(req, res, entry);
    this.capture(key, res);
    inner(req, res);
  }

  /** Only anonymous GETs of the API, with no id of their own to echo, and no stream or health check. */
  private keyOf(req: IncomingMessage): string | null {
    const url = req.url ?? '';
    if (req.method !== 'GET' || !url.startsWith('/api/') || NEVER_CACHED.test(url)) return null;
    if (req.headers.authorization !== undefined) return null;
    if ((req.headers.accept ?? '').includes('text/event-stream')) return null;
    return `${url}\n${req.headers['accept-encoding'] ?? ''}`;
  }

  private serve(req: IncomingMessage, res: ServerResponse, entry: Entry): void {
    const headers = { ...entry.headers, 'x-request-id': requestIdFor(req.headers['x-request-id']) };
    const notModified = entry.etag !== undefined && matchesIfNoneMatch(req.headers['if-none-match'], entry.etag);
    countCachedRead(entry.route, notModified ? 304 : entry.status);
    if (notModified) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(entry.status, { ...headers, 'content-length': entry.body.byteLength }).end(entry.body);
  }

  /** This replica's own writes empty the cache before their answer can reach the client. */
  private clearBeforeAnswer(res: ServerResponse): void {
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.end = ((...args: unknown[]) => {
      this.clear();
      return end(...args);
    }) as ServerResponse['end'];
  }

  /** Keeps a copy of what Express sends, and stores it if it is a plain 200 JSON answer and nothing changed meanwhile. */
  private capture(key: string, res: ServerResponse): void {
    const generation = this.generation;
    const chunks: Buffer[] = [];
    let bytes = 0;
    let keep = true;
    const take = (chunk: unknown, encoding?: unknown): void => {
      if (!keep || chunk === undefined || chunk === null || typeof chunk === 'function') return;
      if (!String(res.getHeader('content-type') ?? '').startsWith('application/json')) {
        keep = false;
        return;
      }
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
      bytes += buffer.byteLength;
      if (bytes > this.maxBodyBytes) keep = false;
      else chunks.push(buffer);
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.write = ((...args: unknown[]) => {
      take(args[0], args[1]);
      return write(...args);
    }) as ServerResponse['write'];
    res.end = ((...args: unknown[]) => {
      take(args[0], args[1]);
      return end(...args);
    }) as ServerResponse['end'];
    res.once('finish', () => {
      if (!keep || res.statusCode !== 200 || generation !== this.generation) return;
      const cacheControl = String(res.getHeader('cache-control') ?? '');
      if (/no-store|private/.test(cacheControl) || res.hasHeader('set-cookie')) return;
      this.store(key, res, Buffer.concat(chunks));
    });
  }

  private store(key: string, res: ServerResponse, body: Buffer): void {
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(res.getHeaders()))
      if (!NOT_KEPT.has(name) && value !== undefined) headers[name] = value;
    const req = res.req as IncomingMessage & { route?: { path?: string }; baseUrl?: string };
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    const etag = res.getHeader('etag');
    this.entries.set(key, {
      status: 200,
      headers,
      body,
      etag: typeof etag === 'string' ? etag : undefined,
      route: req.route?.path ? `${req.baseUrl ?? ''}${req.route.path}` : 'unmatched',
      storedAt: this.now(),
    });
  }
}
