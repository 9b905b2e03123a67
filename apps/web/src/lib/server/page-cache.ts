import { createHash } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import { apiBaseUrl } from './api';

/**
 * Rendered pages for anonymous visitors, kept per data version, locale and URL, so a crowd of
 * fans costs one render per page per change instead of one per visit.
 *
 * The data version is this server's count of the API's `change` messages (`GET /api/changes`, sent
 * after every committed change to public data). While that stream is not connected nothing is
 * served from or stored in the cache: a page is never older than the data it shows by more than
 * the time a change takes to arrive. Signed-in visits (a session cookie) are never cached, here or
 * by anyone on the way (`private, no-store`); anonymous pages say `Vary: Cookie`.
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

  start(): void {
    if (this.started) return;
    this.started = true;
    void this.run();
  }

  private async run(): Promise<void> {
    for (let backoff = 250; ; backoff = Math.min(backoff * 2, 5_000)) {
      try {
        await this.listen(() => (backoff = 250));
      } catch {
        // the API is away or restarting; try again
      }
      this.connected = false;
      this.version += 1;
      await new Promise((resolve) => setTimeout(resolve, backoff));
    }
  }

  private async listen(onOpen: () => void): Promise<void> {
    const abort = new AbortController();
    let idle = setTimeout(() => abort.abort(), IDLE_MS);
    try {
      const res = await fetch(`${apiBaseUrl()}/api/changes`, { headers: { accept: 'text/event-stream' }, signal: abort.signal });
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

/** Only the pages every anonymous visitor sees alike: no cookie but the language, no scorer console. */
function isShared(event: RequestEvent): boolean {
  if (event.request.method !== 'GET') return false;
  const cookies = event.cookies.getAll().filter((c) => c.name !== 'lang');
  return cookies.length === 0 && !event.url.searchParams.has('lang') && !event.url.pathname.endsWith('/score');
}

/**
 * Serves `render` through the cache. `locale` is part of the key (it comes from the `lang`
 * cookie); the version is read before rendering, so a page rendered across a change is filed
 * under the old version and never served.
 */
export async function cachedPage(event: RequestEvent, locale: string, render: () => Promise<Response>): Promise<Response> {
  if (!isShared(event)) return withHeader(await render(), 'cache-control', PRIVATE_CACHE_CONTROL, true);
  feed.start();
  const key = `${feed.version}|${locale}|${event.url.pathname}${event.url.search}`;
  const usable = feed.connected;
  const hit = usable ? store.get(key) : undefined;
  if (hit) return fromEntry(hit, event.request.headers.get('if-none-match'));
  const response = await render();
  const type = response.headers.get('content-type') ?? '';
  if (!usable || response.status !== 200 || response.headers.has('set-cookie') || !CACHEABLE_TYPES.test(type)) return response;
  const body = new Uint8Array(await response.arrayBuffer());
  const etag = `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
  const headers: Array<[string, string]> = [...response.headers].filter(([name]) => !['content-length', 'etag', 'cache-control', 'vary'].includes(name));
  headers.push(['etag', etag], ['cache-control', SHARED_CACHE_CONTROL], ['vary', 'Cookie']);
  const entry: Entry = { status: 200, headers, body, etag };
  store.set(key, entry);
  return fromEntry(entry, null, 'miss');
}

function fromEntry(entry: Entry, ifNoneMatch: string | null, state: 'hit' | 'miss' = 'hit'): Response {
  const headers = new Headers(entry.headers);
  headers.set('x-page-cache', state);
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === entry.etag)) return new Response(null, { status: 304, headers });
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
