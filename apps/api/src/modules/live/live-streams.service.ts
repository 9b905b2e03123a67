import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { NotificationBus } from '../../common/notify/notification-bus.js';
import { SSE_HEARTBEAT_MS, SSE_KEEP_ALIVE, type StreamSink } from '../../common/sse.js';
import type { LiveMessageDto } from './dto/live.dto.js';
import type { LiveActionEntity } from './live-action.entity.js';
import { LiveLogService } from './live-log.service.js';

export type { StreamSink } from '../../common/sse.js';

export type StreamRequest = { eventId: string; matchId?: string | undefined; lastEventId?: number | undefined };

/** A connected client: what it has been sent, and, while its replay runs, what arrived meanwhile. */
type Subscriber = { sink: StreamSink; matchId: string | undefined; sent: number; pending: LiveActionEntity[] | null };

/** Without the listener (database away), hubs poll instead, so streams still move. */
const POLL_WITHOUT_LISTENER_MS = 2_000;
/** A client this far behind is cut off; it reconnects with Last-Event-ID and loses nothing. */
const MAX_BACKLOG_BYTES = 1 << 20;

/**
 * One hub per event with at least one stream on this replica. A notification makes the hub read
 * the new log entries once and write each, serialized once, to all its streams, so 5,000 fans of
 * one game cost one query per change rather than 5,000. Work on a hub runs in one queue, so a
 * joining stream and a broadcast never interleave.
 */
class EventHub {
  readonly subscribers = new Set<Subscriber>();
  head = 0;
  joining = 0;
  private queue: Promise<void> = Promise.resolve();
  private refreshQueued = false;

  constructor(
    readonly eventId: string,
    private readonly log: LiveLogService,
    private readonly logger: Logger,
  ) {}

  run(task: () => Promise<void> | void): Promise<void> {
    const next = this.queue.then(task);
    this.queue = next.catch((error: unknown) => this.logger.warn(`Live hub ${this.eventId}: ${String(error)}`));
    return next;
  }

  /** Coalesces bursts: however many notifications arrive during a read, one more read follows. */
  refresh(): void {
    if (this.refreshQueued) return;
    this.refreshQueued = true;
    void this.run(async () => {
      this.refreshQueued = false;
      const rows = await this.log.since(this.eventId, this.head);
      for (const row of rows) {
        const frame = toFrame(row);
        for (const subscriber of this.subscribers) deliver(subscriber, row, frame);
        this.head = row.seq;
      }
    });
  }
}

@Injectable()
export class LiveStreamsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('LiveStreams');
  private readonly hubs = new Map<string, EventHub>();
  private readonly timers: NodeJS.Timeout[] = [];
  private unsubscribe: Array<() => void> = [];

  constructor(
    private readonly log: LiveLogService,
    private readonly bus: NotificationBus,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = [
      this.bus.subscribe((n) => {
        if (n.t === 'live') this.hubs.get(n.e)?.refresh();
      }),
      this.bus.onResync(() => this.refreshAll()),
    ];
    this.timers.push(
      setInterval(() => this.heartbeat(), SSE_HEARTBEAT_MS),
      setInterval(() => {
        if (!this.bus.listening) this.refreshAll();
      }, POLL_WITHOUT_LISTENER_MS),
    );
    for (const timer of this.timers) timer.unref();
  }

  onModuleDestroy(): void {
    for (const stop of this.unsubscribe) stop();
    for (const timer of this.timers) clearInterval(timer);
    for (const hub of this.hubs.values()) for (const s of hub.subscribers) s.sink.close();
    this.hubs.clear();
  }

  /** How many hubs and streams this replica holds (for tests, metrics and the benchmark). */
  stats(): { hubs: number; streams: number } {
    let streams = 0;
    for (const hub of this.hubs.values()) streams += hub.subscribers.size;
    return { hubs: this.hubs.size, streams };
  }

  /**
   * Attaches a stream. With `lastEventId` it first replays every later entry, in order, then goes
   * on live; entries that arrive during the replay wait in `pending`, and `sent` drops any repeat.
   * Returns the function that detaches it.
   */
  async open(request: StreamRequest, sink: StreamSink): Promise<() => void> {
    const hub = this.hubFor(request.eventId);
    hub.joining += 1;
    const subscriber: Subscriber = {
      sink,
      matchId: request.matchId,
      sent: request.lastEventId ?? 0,
      pending: request.lastEventId === undefined ? null : [],
    };
    try {
      await hub.run(() => {
        if (request.lastEventId === undefined) subscriber.sent = hub.head;
        hub.subscribers.add(subscriber);
      });
      if (subscriber.pending) {
        for (const row of await this.log.since(request.eventId, subscriber.sent, request.matchId))
          deliver(subscriber, row, toFrame(row));
        const waiting = subscriber.pending;
        subscriber.pending = null;
        for (const row of waiting) deliver(subscriber, row, toFrame(row));
      }
    } catch (error) {
      hub.subscribers.delete(subscriber);
      throw error;
    } finally {
      hub.joining -= 1;
    }
    return () => {
      hub.subscribers.delete(subscriber);
      if (hub.subscribers.size === 0 && hub.joining === 0 && this.hubs.get(hub.eventId) === hub)
        this.hubs.delete(hub.eventId);
    };
  }

  private hubFor(eventId: string): EventHub {
    let hub = this.hubs.get(eventId);
    if (!hub) {
      const created = new EventHub(eventId, this.log, this.logger);
      void created.run(async () => {
        created.head = await this.log.head(eventId);
      });
      this.hubs.set(eventId, created);
      hub = created;
    }
    return hub;
  }

  private refreshAll(): void {
    for (const hub of this.hubs.values()) hub.refresh();
  }

  private heartbeat(): void {
    for (const hub of this.hubs.values()) for (const s of hub.subscribers) s.sink.write(SSE_KEEP_ALIVE);
  }
}

function deliver(subscriber: Subscriber, row: LiveActionEntity, frame: string): void {
  if (subscriber.matchId !== undefined && row.matchId !== subscriber.matchId) return;
  if (subscriber.pending) {
    subscriber.pending.push(row);
    return;
  }
  if (row.seq <= subscriber.sent) return;
  subscriber.sent = row.seq;
  if (subscriber.sink.backlog() > MAX_BACKLOG_BYTES) {
    subscriber.sink.close();
    return;
  }
  subscriber.sink.write(frame);
}

/** `score` when the score moved (a goal or its undo); `status` for the start, periods and the result. */
export function toLiveMessage(row: LiveActionEntity): { event: 'score' | 'status'; data: LiveMessageDto } {
  return {
    event: row.type === 'score' || row.type === 'undo' ? 'score' : 'status',
    data: {
      matchId: row.matchId,
      seq: row.seq,
      status: row.status as LiveMessageDto['status'],
      period: row.period,
      homeScore: row.homeScore,
      awayScore: row.awayScore,
    },
  };
}

function toFrame(row: LiveActionEntity): string {
  const { event, data } = toLiveMessage(row);
  return `id: ${row.seq}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
