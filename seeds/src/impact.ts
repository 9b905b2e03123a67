import { validateImpactAssumptions } from '@sailcourt/domain';
import type { SqlRunner } from './seed.js';

const SEED_REASON = 'Seeded: calibrated 2023 assumptions (seeds/data/impact-assumptions-2023.json)';

/**
 * The season's tourism-impact assumptions, as version 1 of its set with a history row saying where
 * they came from. Only when the season has no set yet: organizers' edits survive a restart.
 * The file is checked with the domain validator first, so the seed never stores what the API would refuse.
 */
export async function seedImpactAssumptions(db: SqlRunner, seasonSlug: string, assumptions: unknown): Promise<number> {
  const errors = validateImpactAssumptions(assumptions);
  if (errors.length > 0) {
    throw new Error(`Seed impact assumptions are invalid: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`);
  }
  const { rows } = await db.query(
    `INSERT INTO impact_assumption_sets (season_id, assumptions)
     SELECT id, $2::jsonb FROM seasons WHERE slug = $1
     ON CONFLICT (season_id) DO NOTHING RETURNING id`,
    [seasonSlug, JSON.stringify(assumptions)],
  );
  const id = rows[0]?.id;
  if (typeof id !== 'string') return 0;
  await db.query(
    `INSERT INTO impact_assumption_changes (set_id, version, fields, changes, reason) VALUES ($1, 1, '{}', '[]', $2)`,
    [id, SEED_REASON],
  );
  return 1;
}
