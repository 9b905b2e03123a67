import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { NotificationBus } from '../../common/notify/notification-bus.js';
import { SSE_HEARTBEAT_MS, SSE_KEEP_ALIVE, type StreamSink } from '../../common/sse.js';
import { TrackingRepository } from './tracking.repository.js';

/**
 * A stream's state: the last version it was sent (or, while `joining`, the newest it has heard of,
 * to be compared with the database once its first read is done).
 */
type Subscriber = { sink: StreamSink; sent: number; joining: boolean };

/** Without the listener (database away), streams poll the versions instead, so they still move. */
const POLL_WITHOUT_LISTENER_MS = 2_000;
/** A client this far behind is cut off; it reconnects with Last-Event-ID and loses nothing. */
const MAX_BACKLOG_BYTES = 1 << 20;

/** What a tracker stream says: the rally's positions moved to `version`; the page re-reads progress and tracks. */
export type PositionsMessage = { rallyId: string; version: number };

/**
 * Per-rally streams of "positions changed" signals. The message is the rally's positions version,
 * which the database bumps and announces (NOTIFY, see TrackingRepository.insertPositions) in the
 * transaction that stores new fixes, so every replica's listener hears it. Versions only grow, so a
 * signal stands for everything before it: a client catching up (Last-Event-ID) gets the newest
 * version once, never a replay of each step.
 */
@Injectable()
export class TrackingStreamsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('TrackingStreams');
  private readonly rallies = new Map<string, Set<Subscriber>>();
  private readonly timers: NodeJS.Timeout[] = [];
  private stops: Array<() => void> = [];

  constructor(
    private readonly tracking: TrackingRepository,
    private readonly bus: NotificationBus,
  ) {}

  onModuleInit(): void {
    this.stops = [
      this.bus.subscribe((n) => {
        if (n.t === 'positions') this.deliverAll(n.r, n.v);
      }),
      this.bus.onResync(() => void this.catchUp()),
    ];
    this.timers.push(
      setInterval(() => this.heartbeat(), SSE_HEARTBEAT_MS),
      setInterval(() => {
        if (!this.bus.listening) void this.catchUp();
      }, POLL_WITHOUT_LISTENER_MS),
    );
    for (const timer of this.timers) timer.unref();
  }

  onModuleDestroy(): void {
    for (const stop of this.stops) stop();
    for (const timer of this.timers) clearInterval(timer);
    for (const subscribers of this.rallies.values()) for (const s of subscribers) s.sink.close();
    this.rallies.clear();
  }

  /** How many rallies and streams this replica holds (for tests). */
  stats(): { rallies: number; streams: number } {
    let streams = 0;
    for (const subscribers of this.rallies.values()) streams += subscribers.size;
    return { rallies: this.rallies.size, streams };
  }

  /**
   * Attaches a stream to a rally. With `lastEventId` below the current version, the current version
   * is sent at once; without it the stream starts silent at the current version. Returns the
   * function that detaches it.
   */
  async open(rallyId: string, lastEventId: number | undefined, sink: StreamSink): Promise<() => void> {
    let subscribers = this.rallies.get(rallyId);
    if (!subscribers) {
      subscribers = new Set();
      this.rallies.set(rallyId, subscribers);
    }
    const subscriber: Subscriber = { sink, sent: lastEventId ?? 0, joining: true };
    subscribers.add(subscriber);
    const detach = () => {
      subscribers.delete(subscriber);
      if (subscribers.size === 0 && this.rallies.get(rallyId) === subscribers) this.rallies.delete(rallyId);
    };
    try {
      // Joined before reading, so a change committed meanwhile is either read here or heard (and kept in `sent`).
      const current = await this.tracking.positionsVersion(rallyId);
      subscriber.joining = false;
      const newest = Math.max(current, subscriber.sent);
      if (lastEventId === undefined) subscriber.sent = newest;
      else if (newest > lastEventId) {
        subscriber.sent = lastEventId;
        deliver(rallyId, subscriber, newest);
      }
    } catch (error) {
      detach();
      throw error;
    }
    return detach;
  }

  private deliverAll(rallyId: string, version: number): void {
    for (const subscriber of this.rallies.get(rallyId) ?? []) deliver(rallyId, subscriber, version);
  }

  /** Re-reads every watched rally's version: notifications sent while the listener was away are lost. */
  private async catchUp(): Promise<void> {
    if (this.rallies.size === 0) return;
    try {
      const versions = await this.tracking.positionsVersions([...this.rallies.keys()]);
      for (const [rallyId, version] of versions) this.deliverAll(rallyId, version);
    } catch (error) {
      this.logger.warn(`Tracker streams could not catch up: ${String(error)}`);
    }
  }

  private heartbeat(): void {
    for (const subscribers of this.rallies.values()) for (const s of subscribers) s.sink.write(SSE_KEEP_ALIVE);
  }
}

function deliver(rallyId: string, subscriber: Subscriber, version: number): void {
  if (version <= subscriber.sent) return;
  subscriber.sent = version;
  if (subscriber.joining) return; // the join compares it with the database and sends once
  if (subscriber.sink.backlog() > MAX_BACKLOG_BYTES) {
    subscriber.sink.close();
    return;
  }
  const data: PositionsMessage = { rallyId, version };
  subscriber.sink.write(`id: ${version}\nevent: positions\ndata: ${JSON.stringify(data)}\n\n`);
}
