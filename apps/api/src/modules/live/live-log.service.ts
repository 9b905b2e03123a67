import { Injectable } from '@nestjs/common';
import type { LiveActionEntity } from './live-action.entity.js';
import { LiveLogRepository, type NewLiveEntry } from './live-log.repository.js';

/** The live log, for the result path (matches), scoring and the streams: the live tables are this module's. */
@Injectable()
export class LiveLogService {
  constructor(private readonly log: LiveLogRepository) {}

  /** Appends and announces an entry in the current transaction (the caller has locked the game). */
  append(entry: NewLiveEntry): Promise<LiveActionEntity> {
    return this.log.append(entry);
  }

  findByClientEventId(matchId: string, clientEventId: string): Promise<LiveActionEntity | null> {
    return this.log.findByClientEventId(matchId, clientEventId);
  }

  forMatch(matchId: string): Promise<LiveActionEntity[]> {
    return this.log.forMatch(matchId);
  }

  /** What a stream missed: the event's (or one game's) entries after `afterSeq`, in order. */
  since(eventId: string, afterSeq: number, matchId?: string): Promise<LiveActionEntity[]> {
    return this.log.since(eventId, afterSeq, matchId);
  }

  /** The event's latest seq (0 before any live entry). */
  head(eventId: string): Promise<number> {
    return this.log.head(eventId);
  }
}
