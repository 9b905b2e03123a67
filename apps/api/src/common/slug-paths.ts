import type { NextFunction, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { isUuid } from './ids.js';

/**
 * The contract's slugs: every `/:id` of a season, event, venue, rally or team also takes its slug
 * (`/api/events/cba-summer-league-2023/standings`). The slug is turned into the id before routing,
 * so every route under it, present and future, takes either. An unknown slug is left as it is and
 * gets the route's own 404.
 */
const LOOKUPS: Record<string, string> = {
  seasons: `SELECT id FROM seasons WHERE slug = $1`,
  venues: `SELECT id FROM venues WHERE slug = $1`,
  rallies: `SELECT id FROM rallies WHERE slug = $1`,
  teams: `SELECT id FROM teams WHERE slug = $1`,
  // Event slugs are unique within a season; the most recent season's event wins.
  events: `SELECT e.id FROM events e JOIN seasons s ON s.id = e.season_id WHERE e.slug = $1 ORDER BY s.start_date DESC LIMIT 1`,
};
const PATH = /^\/api\/(seasons|venues|rallies|teams|events)\/([A-Za-z0-9][A-Za-z0-9-]{0,119})(?=[/?]|$)/;
const TTL_MS = 30_000;

export function slugPaths(dataSource: () => DataSource): (req: Request, res: Response, next: NextFunction) => void {
  const known = new Map<string, { id: string; until: number }>();
  const resolve = async (kind: string, slug: string): Promise<string | null> => {
    const key = `${kind}/${slug}`;
    const hit = known.get(key);
    if (hit && hit.until > Date.now()) return hit.id;
    const [row] = await dataSource().query<Array<{ id: string }>>(LOOKUPS[kind] ?? '', [slug]);
    if (!row) return null;
    if (known.size > 10_000) known.clear();
    known.set(key, { id: row.id, until: Date.now() + TTL_MS });
    return row.id;
  };
  return (req, _res, next) => {
    const match = PATH.exec(req.url);
    const [, kind, slug] = match ?? [];
    if (!kind || !slug || isUuid(slug)) return next();
    resolve(kind, slug).then(
      (id) => {
        if (id) req.url = `/api/${kind}/${id}${req.url.slice(match?.[0].length ?? 0)}`;
        next();
      },
      () => next(), // the database is away: the route answers for itself
    );
  };
}
