import { applyLiveAction, type LiveAction, LIVE_POINTS, type LiveRefusalCode, type LiveState } from '@sailcourt/domain';

/** The game as the server last answered, with the seq of that answer. */
export type ServerGame = LiveState & { seq: number };

/** What the console keeps on the device, so taps survive a lost network and a reload. */
export type ScorerStore = {
  /** Taps not yet accepted by the server, oldest first. */
  queue: LiveAction[];
  /** Taps the server accepted, oldest first (an undo looks its target up here). */
  sent: LiveAction[];
  server: ServerGame | null;
};

export type SendOutcome =
  /** Accepted (201) or already accepted earlier (200): the server's game after it. */
  | { kind: 'accepted'; game: ServerGame }
  /** The rules refuse it (409, 422, 400): retrying cannot help, so it leaves the queue. */
  | { kind: 'refused'; reason: string }
  /** The link expired or was revoked (401, 403): keep every tap and stop until someone acts. */
  | { kind: 'unauthorized'; reason: string }
  /** No network, or the server is away or busy: keep the tap and try again later. */
  | { kind: 'unreachable' };

export type Storage = { getItem(key: string): string | null; setItem(key: string, value: string): void };

const EMPTY: ScorerStore = { queue: [], sent: [], server: null };

/**
 * The scorer console's memory: a queue of taps sent in order, one at a time, each with its own
 * clientEventId, so a retry after a lost answer applies nothing twice. The console shows the
 * server's game with the queued taps laid over it (the same rules as the server's, from the domain),
 * and replaces it by the server's answer after each send.
 */
export class ScorerQueue {
  private store: ScorerStore;

  constructor(
    private readonly storage: Storage,
    private readonly key: string,
    initial: ServerGame,
    private readonly points: readonly number[] = LIVE_POINTS.fiba,
  ) {
    this.store = load(storage, key);
    // The page the server rendered may know a newer game than this device does (another scorer).
    if (!this.store.server || initial.seq > this.store.server.seq) this.store.server = initial;
    this.save();
  }

  get server(): ServerGame {
    return this.store.server ?? { status: 'scheduled', period: 0, homeScore: 0, awayScore: 0, seq: 0 };
  }

  get waiting(): number {
    return this.store.queue.length;
  }

  /** The game as the scorer sees it: the server's, with the taps still waiting applied. */
  projected(): LiveState {
    let state: LiveState = this.server;
    const history = [...this.store.sent];
    for (const action of this.store.queue) {
      const outcome = applyLiveAction(state, history, action, this.points);
      if (outcome.ok) state = outcome.state;
      history.push(action);
    }
    return state;
  }

  /** Queues a tap if the rules allow it on the projected game; otherwise says why (the rule's code, which the page words). */
  tap(action: LiveAction): LiveRefusalCode | null {
    const history = [...this.store.sent, ...this.store.queue];
    const outcome = applyLiveAction(this.projected(), history, action, this.points);
    if (!outcome.ok) return outcome.refusal.code;
    this.store.queue.push(action);
    this.save();
    return null;
  }

  /** The latest goal (sent or waiting) not yet undone, for the undo button. */
  lastUndoableScore(): LiveAction | null {
    const all = [...this.store.sent, ...this.store.queue];
    const undone = new Set(all.flatMap((a) => (a.type === 'undo' ? [a.targetClientEventId] : [])));
    return [...all].reverse().find((a) => a.type === 'score' && !undone.has(a.clientEventId)) ?? null;
  }

  /**
   * Sends waiting taps in order until the queue is empty or a send cannot go through. Returns the
   * outcomes that need the scorer's attention (refusals, a dead link) and whether taps remain.
   */
  async flush(
    send: (action: LiveAction) => Promise<SendOutcome>,
  ): Promise<{ stopped: 'done' | 'unreachable' | 'unauthorized'; notices: string[] }> {
    const notices: string[] = [];
    for (let next = this.store.queue[0]; next; next = this.store.queue[0]) {
      const outcome = await send(next);
      switch (outcome.kind) {
        case 'accepted':
          this.store.queue.shift();
          this.store.sent.push(next);
          if (outcome.game.seq >= (this.store.server?.seq ?? 0)) this.store.server = outcome.game;
          break;
        case 'refused':
          this.store.queue.shift();
          notices.push(outcome.reason);
          break;
        case 'unauthorized':
          this.save();
          return { stopped: 'unauthorized', notices: [...notices, outcome.reason] };
        case 'unreachable':
          this.save();
          return { stopped: 'unreachable', notices };
      }
      this.save();
    }
    return { stopped: 'done', notices };
  }

  /** A newer game heard from elsewhere (the live stream): the other scorer's taps show too. */
  observe(game: ServerGame): void {
    if (game.seq <= (this.store.server?.seq ?? 0)) return;
    this.store.server = game;
    this.save();
  }

  private save(): void {
    try {
      this.storage.setItem(this.key, JSON.stringify(this.store));
    } catch {
      // A full or blocked storage keeps the queue in memory only; the console still works online.
    }
  }
}

function load(storage: Storage, key: string): ScorerStore {
  try {
    const raw = storage.getItem(key);
    const parsed = raw ? (JSON.parse(raw) as Partial<ScorerStore>) : {};
    return { queue: parsed.queue ?? [], sent: parsed.sent ?? [], server: parsed.server ?? null };
  } catch {
    return { ...EMPTY, queue: [], sent: [] };
  }
}
