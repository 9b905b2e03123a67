import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestEvent } from '@sveltejs/kit';
import { DEFAULT_LOCALE, isLocale } from '$lib/i18n';
import { apiBaseUrl } from './api';
import { requestIdFrom } from './request-log';

/**
 * Rendered pages for anonymous visitors, kept per data version, locale and URL, so a crowd of
 * fans costs one render per page per change instead of one per visit.
 *
 * The data version is this server's count of the API's `change` messages (`GET /api/changes`, sent
 * after every committed change to public data). While that stream is not connected nothing is
 * served from or stored in the cache: a page is never older than the data it shows by more than
 * the time a change takes to arrive. Signed-in visits (a session cookie) are never cached, here or
 * by anyone on the way (`private, no-store`); anonymous pages say `Vary: Cookie`.
 *
 * Hits are also answered in front of SvelteKit, on the Node request itself (`serveFromFront`, put in
 * place by `server.js`): same store, same key, none of the framework's per-request work.
 */

const MAX_ENTRIES = 2_000;
const MAX_BYTES = 64 * 1024 * 1024;
/** The API says something at least every 10 s; silence past this means the stream is dead. */
const IDLE_MS = 25_000;
const SHARED_CACHE_CONTROL = 'public, max-age=0, s-maxage=5, stale-while-revalidate=30';
const PRIVATE_CACHE_CONTROL = 'private, no-store';
const CACHEABLE_TYPES = /^(text\/html|application\/json)/;

type Entry = { status: number; headers: Array<[string, string]>; body: Uint8Array<ArrayBuffer>; etag: string };

/** Listens to the API's change stream and reconnects on its own. */
class ChangeFeed {
  version = 0;
  connected = false;
  private started = false;
  private stopped = false;
  private current: AbortController | null = null;

  start(): void {
    if (this.started) return;
    this.started = true;
    // adapter-node's graceful shutdown waits for the event loop to empty: the stream must let go.
    process.once('sveltekit:shutdown', () => this.stop());
    void this.run();
  }

  private stop(): void {
    this.stopped = true;
    this.connected = false;
    this.current?.abort();
  }

  private async run(): Promise<void> {
    for (let backoff = 250; !this.stopped; backoff = Math.min(backoff * 2, 5_000)) {
      try {
        await this.listen(() => (backoff = 250));
      } catch {
        // the API is away or restarting; try again
      }
      this.connected = false;
      this.version += 1;
      if (!this.stopped) await new Promise((resolve) => setTimeout(resolve, backoff).unref());
    }
  }

  private async listen(onOpen: () => void): Promise<void> {
    const abort = new AbortController();
    this.current = abort;
    let idle = setTimeout(() => abort.abort(), IDLE_MS);
    try {
      const res = await fetch(`${apiBaseUrl()}/api/changes`, {
        headers: { accept: 'text/event-stream' },
        signal: abort.signal,
      });
      if (!res.ok || !res.body) return;
      onOpen();
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        clearTimeout(idle);
        idle = setTimeout(() => abort.abort(), IDLE_MS);
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          if (/^event: change$/m.test(buffer.slice(0, end))) {
            this.version += 1;
            this.connected = true;
          }
          buffer = buffer.slice(end + 2);
        }
      }
    } finally {
      clearTimeout(idle);
    }
  }
}

/** Least recently used entries go first, within a count and a byte budget. */
class PageStore {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  /** Looks without refreshing the entry's age: the front path stays as cheap as it can be. */
  peek(key: string): Entry | undefined {
    return this.entries.get(key);
  }

  get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: Entry): void {
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.body.byteLength;
    for (const [oldest] of this.entries) {
      if (this.entries.size <= MAX_ENTRIES && this.bytes <= MAX_BYTES) break;
      this.delete(oldest);
    }
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.body.byteLength;
  }
}

const feed = new ChangeFeed();
const store = new PageStore();

/** The reader's language: a shared link's ?lang=, else the saved choice, else Chinese. */
export const localeOf = (asked: string | null | undefined, saved: string | null | undefined) =>
  isLocale(asked) ? asked : isLocale(saved) ? saved : DEFAULT_LOCALE;

/** Only the pages every anonymous visitor sees alike: no cookie but the language, no scorer console. */
function isShared(method: string, cookieNames: readonly string[], url: URL): boolean {
  return (
    method === 'GET' &&
    cookieNames.every((name) => name === 'lang') &&
    !url.searchParams.has('lang') &&
    !url.pathname.endsWith('/score')
  );
}

const keyOf = (locale: string, url: URL) => `${feed.version}|${locale}|${url.pathname}${url.search}`;

/**
 * Serves `render` through the cache. `locale` is part of the key (it comes from the `lang`
 * cookie); the version is read before rendering, so a page rendered across a change is filed
 * under the old version and never served.
 */
export async function cachedPage(
  event: RequestEvent,
  locale: string,
  render: () => Promise<Response>,
): Promise<Response> {
  if (
    !isShared(
      event.request.method,
      event.cookies.getAll().map((c) => c.name),
      event.url,
    )
  )
    return withHeader(await render(), 'cache-control', PRIVATE_CACHE_CONTROL, true);
  feed.start();
  const key = keyOf(locale, event.url);
  const usable = feed.connected;
  const hit = usable ? store.get(key) : undefined;
  if (hit) return fromEntry(hit, event.request.headers.get('if-none-match'));
  const response = await render();
  const type = response.headers.get('content-type') ?? '';
  if (!usable || response.status !== 200 || response.headers.has('set-cookie') || !CACHEABLE_TYPES.test(type))
    return response;
  const body = new Uint8Array(await response.arrayBuffer());
  const etag = `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
  const headers: Array<[string, string]> = [...response.headers].filter(
    ([name]) => !['content-length', 'etag', 'cache-control', 'vary'].includes(name),
  );
  headers.push(['etag', etag], ['cache-control', SHARED_CACHE_CONTROL], ['vary', 'Cookie']);
  const entry: Entry = { status: 200, headers, body, etag };
  store.set(key, entry);
  return fromEntry(entry, null, 'miss');
}

/** Cookie names, and the language cookie's value, from a raw Cookie header. */
function cookiesOf(header: string | undefined): { names: string[]; lang: string | undefined } {
  const names: string[] = [];
  let lang: string | undefined;
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    const name = (at < 0 ? part : part.slice(0, at)).trim();
    if (!name) continue;
    names.push(name);
    if (name === 'lang') lang = part.slice(at + 1).trim();
  }
  return { names, lang };
}

/**
 * Answers a request from the store before SvelteKit sees it, when `cachedPage` would answer it from
 * the store anyway; returns false to let SvelteKit handle it. Not logged one by one (the edge's log has them).
 */
export function serveFromFront(req: IncomingMessage, res: ServerResponse): boolean {
  if (!feed.connected || req.method !== 'GET') return false;
  const url = new URL(req.url ?? '/', 'http://front');
  const cookies = cookiesOf(req.headers.cookie);
  if (!isShared('GET', cookies.names, url)) return false;
  const entry = store.peek(keyOf(localeOf(null, cookies.lang), url));
  if (!entry) return false;
  const headers: Record<string, string> = Object.fromEntries(entry.headers);
  headers['x-page-cache'] = 'hit';
  headers['x-request-id'] = requestIdFrom(
    typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : null,
  );
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === entry.etag)) res.writeHead(304, headers).end();
  else res.writeHead(entry.status, { ...headers, 'content-length': String(entry.body.byteLength) }).end(entry.body);
  return true;
}

/** Where server.js finds the front path (the bundle and server.js share no module, only the process). */
(globalThis as Record<symbol, unknown>)[Symbol.for('sailcourt.serveFromFront')] = serveFromFront;

function fromEntry(entry: Entry, ifNoneMatch: string | null, state: 'hit' | 'miss' = 'hit'): Response {
  const headers = new Headers(entry.headers);
  headers.set('x-page-cache', state);
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === entry.etag))
    return new Response(null, { status: 304, headers });
  return new Response(entry.body, { status: entry.status, headers });
}

function withHeader(response: Response, name: string, value: string, onlyIfMissing: boolean): Response {
  if (onlyIfMissing && response.headers.has(name)) return response;
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    // Some responses (redirects made by fetch) have immutable headers: copy them.
    const copy = new Response(response.body, response);
    copy.headers.set(name, value);
    return copy;
  }
}
