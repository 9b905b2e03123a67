import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';

/** The one channel every Sailcourt write announces itself on (see the live-scoring migration). */
export const NOTIFY_CHANNEL = 'sailcourt';

/**
 * What a committed write announces: ids and versions only, so subscribers re-read what they need.
 * - `feed`: an event's feed version moved (its games, registrations or team names changed);
 * - `live`: a game's live log grew to `s` (the event-wide sequence number);
 * - `data`: some public data changed (any table a public page shows);
 * - `positions`: a rally's tracker positions moved to version `v`.
 */
export type Notification =
  | { t: 'feed'; e: string; v: number }
  | { t: 'live'; e: string; m: string; s: number }
  | { t: 'data' }
  | { t: 'positions'; r: string; v: number };

type Handler = (notification: Notification) => void;
type ListenerState = 'off' | 'connecting' | 'listening';

const PING_INTERVAL_MS = 5_000;
const PING_TIMEOUT_MS = 3_000;
const MAX_BACKOFF_MS = 5_000;

/**
 * One dedicated LISTEN connection per API replica, fanned out in process. It is a plain client,
 * not a pooled one: a transaction pooler cannot carry LISTEN. It reconnects on its own (also when
 * the server stalls without closing the socket, which the ping notices), and after every
 * (re)connect tells `onResync` subscribers to catch up from the database, since notifications sent
 * while it was away are lost.
 */
export class NotificationBus implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationBus');
  private readonly handlers = new Set<Handler>();
  private readonly resyncHandlers = new Set<() => void>();
  private client: Client | null = null;
  private state: ListenerState = 'off';
  private stopped = false;
  private backoffMs = 250;
  private pingTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  /** Counts (re)connections; tests and the health check read it. */
  connections = 0;

  constructor(private readonly url: string | null) {}

  get listening(): boolean {
    return this.state === 'listening';
  }

  subscribe(handler: Handler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  /** Called after each (re)connect of the listener: whatever was announced meanwhile must be re-read. */
  onResync(handler: () => void): () => void {
    this.resyncHandlers.add(handler);
    return () => this.resyncHandlers.delete(handler);
  }

  get subscriberCount(): number {
    return this.handlers.size + this.resyncHandlers.size;
  }

  onApplicationBootstrap(): void {
    if (this.url) void this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.drop();
  }

  private emit(notification: Notification): void {
    for (const handler of this.handlers) {
      try {
        handler(notification);
      } catch (error) {
        this.logger.error(`A notification handler failed: ${String(error)}`);
      }
    }
  }

  private async connect(): Promise<void> {
    if (this.stopped || !this.url || this.state !== 'off') return;
    this.state = 'connecting';
    const client = new Client({
      connectionString: this.url,
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
      application_name: 'sailcourt-listener',
    });
    this.client = client;
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    client.on('notification', (message) => {
      if (message.channel !== NOTIFY_CHANNEL || !message.payload) return;
      const notification = parseNotification(message.payload);
      if (notification) this.emit(notification);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.client !== client) return;
    this.state = 'listening';
    this.connections += 1;
    this.backoffMs = 250;
    this.pingTimer = setInterval(() => void this.ping(client), PING_INTERVAL_MS);
    this.pingTimer.unref();
    if (this.connections > 1) this.logger.log('Listener reconnected; subscribers catch up from the database.');
    for (const handler of this.resyncHandlers) handler();
  }

  /** A stalled server keeps the socket open: a ping that does not answer in time counts as a loss. */
  private async ping(client: Client): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('ping timed out')), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([client.query('SELECT 1'), timeout]);
    } catch (error) {
      this.lost(client, error);
    } finally {
      clearTimeout(timer);
    }
  }

  private lost(client: Client, error: unknown): void {
    if (this.client !== client) return;
    if (!this.stopped)
      this.logger.warn(`Listener lost (${error instanceof Error ? error.message : String(error)}); reconnecting.`);
    void this.drop();
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => void this.connect(), this.backoffMs);
    this.retryTimer.unref();
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
  }

  private async drop(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.state = 'off';
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
    if (!client) return;
    client.removeAllListeners('notification');
    client.on('error', () => undefined);
    // end() waits for the server; a stalled one would hold us, so it is not awaited past a moment.
    await Promise.race([
      client.end().catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, 1_000).unref()),
    ]);
  }
}

/** Ignores anything malformed: a payload is only a hint to re-read. */
export function parseNotification(payload: string): Notification | null {
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value !== 'object' || value === null) return null;
    const v = value as Record<string, unknown>;
    if (v.t === 'feed' && typeof v.e === 'string' && typeof v.v === 'number') return { t: 'feed', e: v.e, v: v.v };
    if (v.t === 'data') return { t: 'data' };
    if (v.t === 'live' && typeof v.e === 'string' && typeof v.m === 'string' && typeof v.s === 'number')
      return { t: 'live', e: v.e, m: v.m, s: v.s };
    if (v.t === 'positions' && typeof v.r === 'string' && typeof v.v === 'number')
      return { t: 'positions', r: v.r, v: v.v };
    return null;
  } catch {
    return null;
  }
}
