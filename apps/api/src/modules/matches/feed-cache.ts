import type { Request, Response } from 'express';

/** A public read: its ETag (cheap, from the event's feed version) and its body (computed or cached). */
export type Feed = { etag: string; body: () => Promise<string> };

/**
 * Fans may be served a copy up to 5 s old by any cache on the way; after that they revalidate
 * with If-None-Match and get a 304 until a write bumps the event's feed version.
 */
export const PUBLIC_FEED_CACHE_CONTROL = 'public, max-age=5, stale-while-revalidate=30';

/**
 * Serialized bodies keyed by (what, event, feed version). Only an accelerator: the key comes from
 * the database, so a replica can never serve a body another replica has seen superseded. Bounded,
 * oldest entry evicted first; concurrent misses for one key share one computation.
 */
export class FeedCache {
  private readonly entries = new Map<string, Promise<string>>();

  constructor(private readonly maxEntries = 256) {}

  get(key: string, compute: () => Promise<string>): Promise<string> {
    const hit = this.entries.get(key);
    if (hit) return hit;
    const pending = compute();
    this.entries.set(key, pending);
    void pending.catch(() => this.entries.delete(key));
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return pending;
  }
}

/** RFC 9110 §13.1.2: If-None-Match compares weakly; `*` matches any current representation. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string): string => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/** Sends a feed with its validators: 304 without computing the body when the client's copy is current. */
export async function sendFeed(req: Request, res: Response, feed: Feed): Promise<void> {
  res.setHeader('ETag', feed.etag);
  res.setHeader('Cache-Control', PUBLIC_FEED_CACHE_CONTROL);
  if (matchesIfNoneMatch(req.headers['if-none-match'], feed.etag)) {
    res.status(304).end();
    return;
  }
  res.status(200).type('application/json').send(await feed.body());
}
