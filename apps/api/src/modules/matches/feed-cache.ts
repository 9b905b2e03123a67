import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, Response } from 'express';
import { matchesIfNoneMatch } from '../../common/conditional.js';

const gzipAsync = promisify(gzip);

/** A serialized body, encoded once: as UTF-8 JSON and gzipped. */
export type FeedBody = { identity: Buffer; gzip: Buffer };

/** A public read: its ETag (cheap, from the event's feed version) and its body (computed or cached). */
export type Feed = { etag: string; body: () => Promise<FeedBody> };

/**
 * Fans may be served a copy up to 5 s old by any cache on the way; after that they revalidate
 * with If-None-Match and get a 304 until a write bumps the event's feed version.
 */
export const PUBLIC_FEED_CACHE_CONTROL = 'public, max-age=5, stale-while-revalidate=30';

/**
 * Bodies keyed by (what, event, feed version). Only an accelerator: the key comes from the
 * database, so a replica can never serve a body another replica has seen superseded. Bounded by
 * entries and bytes, oldest entry evicted first; concurrent misses for one key share one computation.
 */
export class FeedCache {
  private readonly entries = new Map<string, { body: Promise<FeedBody>; bytes: number }>();
  private bytes = 0;

  constructor(
    private readonly maxEntries = 256,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  get(key: string, compute: () => Promise<unknown>): Promise<FeedBody> {
    const hit = this.entries.get(key);
    if (hit) return hit.body;
    const entry = { body: this.encode(compute), bytes: 0 };
    this.entries.set(key, entry);
    entry.body.then(
      (body) => {
        if (this.entries.get(key) !== entry) return;
        entry.bytes = body.identity.length + body.gzip.length;
        this.bytes += entry.bytes;
        this.evict();
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    this.evict();
    return entry.body;
  }

  private async encode(compute: () => Promise<unknown>): Promise<FeedBody> {
    const identity = Buffer.from(JSON.stringify(await compute()), 'utf8');
    return { identity, gzip: await gzipAsync(identity) };
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) return;
      if (this.entries.size === 1) return; // the newest body is served even when it alone is over budget
      this.entries.delete(key);
      this.bytes -= entry.bytes;
    }
  }
}

/**
 * Sends a feed with its validators: 304 without computing the body when the client's copy is
 * current, else the cached bytes (gzipped when the client accepts it; the ETag is weak, so both
 * encodings share it).
 */
export async function sendFeed(req: Request, res: Response, feed: Feed): Promise<void> {
  const validators = { ETag: feed.etag, 'Cache-Control': PUBLIC_FEED_CACHE_CONTROL, Vary: 'Accept-Encoding' };
  if (matchesIfNoneMatch(req.headers['if-none-match'], feed.etag)) {
    res.writeHead(304, validators).end();
    return;
  }
  const body = await feed.body();
  const gzipped = req.acceptsEncodings('gzip', 'identity') === 'gzip';
  const bytes = gzipped ? body.gzip : body.identity;
  // The bytes are ready: written directly, without Express's send() (no re-encoding, no ETag hashing).
  res
    .writeHead(200, {
      ...validators,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': bytes.length,
      ...(gzipped ? { 'Content-Encoding': 'gzip' } : {}),
    })
    .end(bytes);
}
