import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Notification, NotificationBus } from '../../common/notify/notification-bus.js';
import type { StreamSink } from '../../common/sse.js';
import { TrackingStreamsService } from './tracking-streams.service.js';
import type { TrackingRepository } from './tracking.repository.js';

const RALLY = '00000000-0000-4000-8000-000000000001';

/** The bus as the service sees it: tests announce notifications and (re)connections by hand. */
class FakeBus {
  listening = true;
  private readonly handlers = new Set<(n: Notification) => void>();
  private readonly resyncs = new Set<() => void>();
  subscribe(handler: (n: Notification) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }
  onResync(handler: () => void): () => void {
    this.resyncs.add(handler);
    return () => this.resyncs.delete(handler);
  }
  announce(n: Notification): void {
    for (const handler of this.handlers) handler(n);
  }
  reconnected(): void {
    for (const handler of this.resyncs) handler();
  }
}

/** The database's positions versions; `read` can be held open to let notifications arrive meanwhile. */
class FakeVersions {
  version = 0;
  hold: Promise<void> | null = null;
  async positionsVersion(): Promise<number> {
    const seen = this.version;
    if (this.hold) await this.hold;
    return seen;
  }
  async positionsVersions(ids: readonly string[]): Promise<Map<string, number>> {
    return new Map(ids.map((id) => [id, this.version]));
  }
}

class RecordingSink implements StreamSink {
  readonly chunks: string[] = [];
  closed = false;
  backlogBytes = 0;
  write(chunk: string): void {
    this.chunks.push(chunk);
  }
  backlog(): number {
    return this.backlogBytes;
  }
  close(): void {
    this.closed = true;
  }
  /** The versions of the `positions` messages, in order. */
  get versions(): number[] {
    return this.chunks.filter((c) => c.includes('event: positions')).map((c) => Number(/^id: (\d+)$/m.exec(c)?.[1]));
  }
}

let bus: FakeBus;
let db: FakeVersions;
let streams: TrackingStreamsService;
beforeEach(() => {
  vi.useFakeTimers();
  bus = new FakeBus();
  db = new FakeVersions();
  streams = new TrackingStreamsService(db as unknown as TrackingRepository, bus as unknown as NotificationBus);
  streams.onModuleInit();
});
afterEach(() => {
  streams.onModuleDestroy();
  vi.useRealTimers();
});

describe('TrackingStreamsService', () => {
  it('sends each new version once, as id, event and data, and nothing for other rallies or older versions', async () => {
    db.version = 3;
    const sink = new RecordingSink();
    await streams.open(RALLY, undefined, sink);
    expect(sink.versions).toEqual([]); // starts silent at the current version
    bus.announce({ t: 'positions', r: RALLY, v: 4 });
    bus.announce({ t: 'positions', r: '00000000-0000-4000-8000-000000000002', v: 9 });
    bus.announce({ t: 'positions', r: RALLY, v: 4 });
    bus.announce({ t: 'data' });
    expect(sink.chunks).toEqual([`id: 4\nevent: positions\ndata: {"rallyId":"${RALLY}","version":4}\n\n`]);
  });

  it('catches a reconnecting client up with the newest version only, and a current one with nothing', async () => {
    db.version = 7;
    const behind = new RecordingSink();
    const current = new RecordingSink();
    await streams.open(RALLY, 4, behind);
    await streams.open(RALLY, 7, current);
    expect(behind.versions).toEqual([7]);
    expect(current.versions).toEqual([]);
  });

  it('loses no change committed while a stream is joining, and sends none twice', async () => {
    db.version = 5;
    let release = (): void => undefined;
    db.hold = new Promise<void>((resolve) => (release = resolve));
    const sink = new RecordingSink();
    const opening = streams.open(RALLY, 5, sink);
    bus.announce({ t: 'positions', r: RALLY, v: 6 }); // heard before the database read returns (with 5)
    release();
    await opening;
    bus.announce({ t: 'positions', r: RALLY, v: 6 });
    bus.announce({ t: 'positions', r: RALLY, v: 7 });
    expect(sink.versions).toEqual([6, 7]);
  });

  it('writes a comment at least every 15 s to keep an idle stream open', async () => {
    const sink = new RecordingSink();
    await streams.open(RALLY, undefined, sink);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(sink.chunks.filter((c) => c.startsWith(':')).length).toBeGreaterThanOrEqual(1);
  });

  it('re-reads the versions after the listener reconnects, and polls while it is away', async () => {
    const sink = new RecordingSink();
    await streams.open(RALLY, undefined, sink);
    db.version = 2; // committed while the listener was away: its NOTIFY is lost
    bus.reconnected();
    await vi.advanceTimersByTimeAsync(0);
    expect(sink.versions).toEqual([2]);
    bus.listening = false;
    db.version = 3;
    await vi.advanceTimersByTimeAsync(2_500);
    expect(sink.versions).toEqual([2, 3]);
  });

  it('cuts off a client that does not read, and forgets a rally when its last stream goes', async () => {
    const slow = new RecordingSink();
    const detach = await streams.open(RALLY, undefined, slow);
    slow.backlogBytes = 2 << 20;
    bus.announce({ t: 'positions', r: RALLY, v: 1 });
    expect(slow.closed).toBe(true);
    expect(streams.stats()).toEqual({ rallies: 1, streams: 1 });
    detach();
    expect(streams.stats()).toEqual({ rallies: 0, streams: 0 });
  });
});
