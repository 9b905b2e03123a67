import { request as httpRequest } from 'node:http';
import { Client } from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { NotificationBus } from '../src/common/notify/notification-bus.js';
import { LiveStreamsService } from '../src/modules/live/live-streams.service.js';
import { action, liveGame, listen, StreamRecorder } from './support/live-fixtures.js';
import { useTestApp } from './support/test-app.js';

const t = useTestApp();
let baseUrl: string;
beforeAll(async () => {
  baseUrl = await listen(t.app);
});

/** Opens a stream, waits for its first bytes, then drops the connection as a closing tab does. */
function connectAndDrop(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, (res) => {
      res.once('data', () => {
        req.destroy();
        resolve();
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? resolve() : reject(error)));
    req.end();
  });
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('live streams hold no resources once closed', () => {
  it('is back to zero hubs and streams after 1,000 connect/disconnect cycles', async () => {
    const { league, game } = await liveGame(t);
    const streams = t.app.get(LiveStreamsService);
    const bus = t.app.get(NotificationBus);
    const subscribersBefore = bus.subscriberCount;
    const urls = [`${baseUrl}/api/matches/${game.id}/live`, `${baseUrl}/api/events/${league.eventId}/live`];
    for (let round = 0; round < 50; round++) {
      await Promise.all(Array.from({ length: 20 }, (_, i) => connectAndDrop(urls[i % 2]!)));
    }
    // A stream still joining when its client left holds its hub until the join ends (under load, a moment
    // after the last client is gone); a leaked hub would still be there when the wait runs out.
    await until(() => streams.stats().streams === 0 && streams.stats().hubs === 0, 5_000);
    expect(streams.stats()).toEqual({ hubs: 0, streams: 0 });
    expect(bus.subscriberCount).toBe(subscribersBefore);
  });
});

describe('the listener', () => {
  it('reconnects after its connection is killed, and streams catch up on what was written meanwhile', async () => {
    const { league, game } = await liveGame(t);
    const bus = t.app.get(NotificationBus);
    expect(bus.listening).toBe(true);
    const connectionsBefore = bus.connections;
    const stream = new StreamRecorder(`${baseUrl}/api/matches/${game.id}/live`);
    await stream.opened();

    const admin = new Client({ connectionString: t.databaseUrl });
    await admin.connect();
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'sailcourt-listener' AND datname = current_database()`,
    );
    await admin.end();
    const written = [];
    written.push(
      (await t.http.post(`/api/matches/${game.id}/live`).set(league.organizer).send(action('start')).expect(201)).body
        .seq as number,
    );
    written.push(
      (
        await t.http
          .post(`/api/matches/${game.id}/live`)
          .set(league.organizer)
          .send(action('score', { team: 'home', points: 3 }))
          .expect(201)
      ).body.seq as number,
    );

    const messages = await stream.waitFor(2, 10_000);
    expect(messages.map((m) => Number(m.id))).toEqual(written);
    await until(() => bus.listening && bus.connections > connectionsBefore, 10_000);
    stream.close();
  });
});
