import type { LiveAction } from '@sailcourt/domain';
import { describe, expect, it } from 'vitest';
import { ScorerQueue, type SendOutcome, type ServerGame, type Storage } from './scorer-queue.js';

class MemoryStorage implements Storage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

let n = 0;
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const score = (team: 'home' | 'away', points: number): LiveAction => ({
  clientEventId: id(),
  type: 'score',
  team,
  points,
});
const live: ServerGame = { status: 'live', period: 1, homeScore: 10, awayScore: 8, seq: 5 };

/** A server that scores as the real one would (the taps it has accepted, once each). */
function fakeServer(start: ServerGame) {
  let game = { ...start };
  const seen = new Map<string, ServerGame>();
  let reachable = true;
  return {
    setReachable: (value: boolean) => (reachable = value),
    send: async (action: LiveAction): Promise<SendOutcome> => {
      if (!reachable) return { kind: 'unreachable' };
      const earlier = seen.get(action.clientEventId);
      if (earlier) return { kind: 'accepted', game: earlier };
      if (action.type === 'score')
        game = {
          ...game,
          seq: game.seq + 1,
          [action.team === 'home' ? 'homeScore' : 'awayScore']:
            game[action.team === 'home' ? 'homeScore' : 'awayScore'] + action.points,
        };
      else game = { ...game, seq: game.seq + 1 };
      seen.set(action.clientEventId, game);
      return { kind: 'accepted', game };
    },
    game: () => game,
  };
}

describe('ScorerQueue', () => {
  it('keeps taps made offline across a reload, shows them laid over the server score, and sends each once', async () => {
    const storage = new MemoryStorage();
    const server = fakeServer(live);
    server.setReachable(false);
    const first = new ScorerQueue(storage, 'game', live);
    for (const tap of [score('home', 2), score('home', 3), score('away', 1), score('away', 2), score('home', 1)])
      expect(first.tap(tap)).toBeNull();
    expect(await first.flush(server.send)).toEqual({ stopped: 'unreachable', notices: [] });

    const reloaded = new ScorerQueue(storage, 'game', live); // the page comes back, still offline
    expect(reloaded.waiting).toBe(5);
    expect(reloaded.projected()).toMatchObject({ homeScore: 16, awayScore: 11 });

    server.setReachable(true);
    expect(await reloaded.flush(server.send)).toEqual({ stopped: 'done', notices: [] });
    expect(reloaded.waiting).toBe(0);
    expect(reloaded.server).toMatchObject({ homeScore: 16, awayScore: 11, seq: 10 });
    expect(await reloaded.flush(server.send)).toEqual({ stopped: 'done', notices: [] });
    expect(server.game()).toMatchObject({ homeScore: 16, awayScore: 11 });
  });

  it('refuses locally what the rules refuse, and undoes the latest goal not yet undone', () => {
    const queue = new ScorerQueue(new MemoryStorage(), 'game', { ...live, homeScore: 8 });
    expect(queue.tap({ clientEventId: id(), type: 'final' })).toBe('level-score');
    const three = score('home', 3);
    queue.tap(three);
    expect(queue.lastUndoableScore()).toEqual(three);
    queue.tap({ clientEventId: id(), type: 'undo', targetClientEventId: three.clientEventId });
    expect(queue.lastUndoableScore()).toBeNull();
    expect(queue.projected()).toMatchObject({ homeScore: 8, awayScore: 8 });
  });

  it('drops a tap the server refuses with a notice, and keeps every tap when the link is refused', async () => {
    const queue = new ScorerQueue(new MemoryStorage(), 'game', live);
    queue.tap(score('home', 2));
    queue.tap(score('away', 2));
    const refusing = async (): Promise<SendOutcome> => ({ kind: 'refused', reason: 'The game is final, not live.' });
    expect(await queue.flush(refusing)).toEqual({
      stopped: 'done',
      notices: ['The game is final, not live.', 'The game is final, not live.'],
    });
    queue.tap(score('home', 1));
    expect(await queue.flush(async () => ({ kind: 'unauthorized', reason: 'expired' }))).toEqual({
      stopped: 'unauthorized',
      notices: ['expired'],
    });
    expect(queue.waiting).toBe(1);
  });

  it('takes the newer of the device’s and the page’s game, and newer games from the stream', () => {
    const storage = new MemoryStorage();
    new ScorerQueue(storage, 'game', live).observe({ ...live, homeScore: 20, seq: 9 });
    const again = new ScorerQueue(storage, 'game', live);
    expect(again.server).toMatchObject({ homeScore: 20, seq: 9 });
    again.observe({ ...live, homeScore: 1, seq: 3 }); // older: ignored
    expect(again.server.seq).toBe(9);
  });
});
