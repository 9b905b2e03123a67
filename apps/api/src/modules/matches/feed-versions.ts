import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { NotificationBus } from '../../common/notify/notification-bus.js';
import { MatchesRepository } from './matches.repository.js';

/**
 * Each event's feed version as this replica last heard it, so a cached public read costs no
 * database trip. The database bumps the version and NOTIFYs in the writing transaction; the
 * listener brings it here. Without a listener (or before an event's first read) the version is
 * read from the database, as before. Versions only grow, so a late database read never winds one back.
 */
@Injectable()
export class FeedVersions implements OnModuleInit, OnModuleDestroy {
  private readonly known = new Map<string, number>();
  private unsubscribe: Array<() => void> = [];

  constructor(
    private readonly matches: MatchesRepository,
    private readonly bus: NotificationBus,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = [
      this.bus.subscribe((n) => {
        if (n.t === 'feed') this.remember(n.e, n.v);
      }),
      // Whatever was announced while the listener was away is unknown: ask the database again.
      this.bus.onResync(() => this.known.clear()),
    ];
  }

  onModuleDestroy(): void {
    for (const stop of this.unsubscribe) stop();
  }

  /** The event's feed version, or null when there is no such event. */
  async current(eventId: string): Promise<number | null> {
    const listening = this.bus.listening;
    const heard = listening ? this.known.get(eventId) : undefined;
    if (heard !== undefined) return heard;
    const version = await this.matches.feedVersion(eventId);
    if (version !== null && listening) this.remember(eventId, version);
    return version;
  }

  private remember(eventId: string, version: number): void {
    this.known.set(eventId, Math.max(this.known.get(eventId) ?? 0, version));
  }
}
