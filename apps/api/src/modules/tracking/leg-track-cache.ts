import { Injectable } from '@nestjs/common';
import { type EntryTrack, TrackingRepository } from './tracking.repository.js';

type Entry = { version: number; tracks: Map<string, EntryTrack> };

/** Legs kept in memory: a 5-day leg of 7 boats at a fix a minute is ~50,000 fixes, a few MB. */
const MAX_LEGS = 16;

/**
 * A leg's fixes, cached by the rally's positions version (bumped in the same transaction as every
 * write), so a replay asking for many instants reads the database once, and a new fix is seen by
 * the next request on every replica. The version check is one primary-key read per request.
 */
@Injectable()
export class LegTrackCache {
  private readonly legs = new Map<string, Entry>();

  constructor(private readonly tracking: TrackingRepository) {}

  async tracks(
    rallyId: string,
    legKey: string,
    entryIds: readonly string[],
    from: Date,
    to: Date,
  ): Promise<Map<string, EntryTrack>> {
    const key = `${legKey}|${from.getTime()}|${to.getTime()}|${entryIds.join(',')}`;
    const version = await this.tracking.positionsVersion(rallyId);
    const cached = this.legs.get(key);
    if (cached && cached.version === version) {
      this.legs.delete(key); // most recently used last
      this.legs.set(key, cached);
      return cached.tracks;
    }
    const tracks = await this.tracking.tracksByEntry(entryIds, from, to, true);
    this.legs.set(key, { version, tracks });
    while (this.legs.size > MAX_LEGS) this.legs.delete(this.legs.keys().next().value as string);
    return tracks;
  }
}
