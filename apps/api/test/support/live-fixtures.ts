import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { EventSource } from 'eventsource';
import { expect } from 'vitest';
import { createApp } from '../../src/app.factory.js';
import { addMatch, at, createLeague, type League, type MatchBody } from './competition-fixtures.js';
import type { TestApp } from './test-app.js';

export type LiveMessage = {
  id: string;
  event: string;
  data: {
    matchId: string;
    seq: number;
    status: string;
    period: number;
    homeScore: number | null;
    awayScore: number | null;
  };
};

/** Puts the test app on a real port (EventSource needs a URL); returns its base URL. */
export async function listen(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** A second API replica on the same database, as `API_REPLICAS=2` runs it. */
export async function startReplica(t: TestApp): Promise<{ app: INestApplication; url: string }> {
  const app = await createApp(t.config, { databaseUrl: t.databaseUrl, logger: false });
  return { app, url: await listen(app) };
}

/** A league of two teams with one game on its first evening. */
export async function liveGame(t: TestApp): Promise<{ league: League; game: MatchBody }> {
  const league = await createLeague(t, { teams: 2 });
  const game = await addMatch(t, league, {
    homeTeamId: league.teamIds[0],
    awayTeamId: league.teamIds[1],
    startsAt: at(league, 0, '19:30'),
  });
  return { league, game };
}

export function action(type: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { clientEventId: randomUUID(), type, ...extra };
}

/** A real EventSource (the `eventsource` package) that records every message of the given types (a game's, by default). */
export class StreamRecorder<Data = LiveMessage['data']> {
  readonly messages: { id: string; event: string; data: Data }[] = [];
  readonly source: EventSource;
  private waiters: Array<() => void> = [];

  constructor(url: string, lastEventId?: number, types: readonly string[] = ['score', 'status']) {
    this.source = new EventSource(url, {
      fetch: (input, init) =>
        fetch(input, {
          ...init,
          headers: { ...init?.headers, ...(lastEventId === undefined ? {} : { 'Last-Event-ID': String(lastEventId) }) },
        }),
    });
    for (const type of types) {
      this.source.addEventListener(type, (e) => {
        this.messages.push({ id: e.lastEventId, event: type, data: JSON.parse(e.data) as Data });
        for (const wake of this.waiters.splice(0)) wake();
      });
    }
  }

  opened(): Promise<void> {
    if (this.source.readyState === EventSource.OPEN) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.source.addEventListener('open', () => resolve(), { once: true });
      this.source.addEventListener('error', (e) => reject(new Error(`stream failed: ${e.message ?? 'error'}`)), {
        once: true,
      });
    });
  }

  /** Waits until `count` messages have arrived (or fails after `timeoutMs`). */
  async waitFor(count: number, timeoutMs = 5_000): Promise<{ id: string; event: string; data: Data }[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length < count) {
      const left = deadline - Date.now();
      expect(left, `waited for ${count} messages, got ${this.messages.length}`).toBeGreaterThan(0);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => (clearTimeout(timer), resolve()));
      });
    }
    return this.messages;
  }

  close(): void {
    this.source.close();
  }
}
