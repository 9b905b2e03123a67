import { Client } from 'pg';
import { describe, expect, it } from 'vitest';
import { pendingSchemaChanges } from '../src/database/data-source.js';
import { prepareDatabase } from '../src/database/bootstrap.js';
import { createTestDatabase, ORGANIZER as organizer } from './support/test-app.js';

const count = async (url: string, table: string): Promise<number> => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query(`SELECT count(*) FROM ${table}`)).rows[0].count);
  } finally {
    await client.end();
  }
};

describe('schema', () => {
  it('entities and migrations agree', async () => {
    expect(await pendingSchemaChanges(await createTestDatabase())).toEqual([]);
  });

  it('seeds idempotently: a second start adds nothing', async () => {
    const url = await createTestDatabase();
    const first = await prepareDatabase(url, { seed: true, organizer });
    expect(first).toEqual({
      seasons: 1,
      venues: 6,
      events: 15,
      divisions: 6,
      teams: 17,
      rallies: 1,
      legs: 5,
      entries: 7,
      legResults: 35,
      positions: 1770,
      impactAssumptionSets: 1,
      registrations: 10,
      matches: 45,
    });
    const second = await prepareDatabase(url, { seed: true, organizer });
    // The same counts, every one of them zero.
    expect(second).toEqual(Object.fromEntries(Object.keys(first ?? {}).map((key) => [key, 0])));
    expect(await count(url, 'events')).toBe(15);
    expect(await count(url, 'rally_leg_results')).toBe(35);
    expect(await count(url, 'matches')).toBe(45);
    expect(await count(url, 'rally_positions')).toBe(1770);
    expect(await count(url, 'impact_assumption_changes')).toBe(1);
    expect(await count(url, 'users')).toBe(1);
  });

  it('lets the database refuse what must never be stored', async () => {
    const url = await createTestDatabase();
    await prepareDatabase(url, { seed: true, organizer });
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await expect(client.query(`UPDATE events SET capacity = -1`)).rejects.toThrow(/events_capacity_non_negative/);
      await expect(client.query(`UPDATE events SET end_date = start_date - 1`)).rejects.toThrow(/events_dates_ordered/);
      await expect(
        client.query(
          `INSERT INTO seasons (slug, name, start_date, end_date) VALUES ('qingdao-basketball-2023', 'x', '2023-01-01', '2023-01-02')`,
        ),
      ).rejects.toThrow(/unique/);
      await expect(
        client.query(
          `INSERT INTO users (email, password_hash, role, display_name) VALUES ('A@B.C', 'x', 'organizer', 'x')`,
        ),
      ).rejects.toThrow(/users_email_lowercase/);
      await expect(
        client.query(
          `INSERT INTO impact_assumption_sets (season_id, event_id, assumptions) SELECT e.season_id, e.id, '{}' FROM events e LIMIT 1`,
        ),
      ).rejects.toThrow(/impact_assumption_sets_one_owner/);
      await expect(client.query(`UPDATE impact_assumption_sets SET assumptions = '[]'`)).rejects.toThrow(
        /impact_assumption_sets_assumptions_object/,
      );
      await expect(
        client.query(
          `INSERT INTO impact_assumption_sets (season_id, assumptions) SELECT id, '{}' FROM seasons LIMIT 1`,
        ),
      ).rejects.toThrow(/unique/);
    } finally {
      await client.end();
    }
  });
});
