import { Injectable } from '@nestjs/common';

/** What changed: ids and the newest instant, never payloads (a subscriber re-reads what it needs). */
export type PositionsAccepted = { rallyId: string; entryIds: string[]; latestAt: string };
type Listener = (change: PositionsAccepted) => void | Promise<void>;

/**
 * The tracker's hook for live updates: the live module (LISTEN/NOTIFY + SSE) subscribes here and
 * publishes; tracking itself keeps no stream. Listeners run after the positions are committed, and a
 * failing listener never fails the feed that stored them.
 */
@Injectable()
export class TrackingEvents {
  private readonly listeners = new Set<Listener>();

  onPositionsAccepted(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async positionsAccepted(change: PositionsAccepted): Promise<void> {
    await Promise.allSettled([...this.listeners].map(async (listener) => listener(change)));
  }
}
