import { getContext, setContext } from 'svelte';

/** What a live-stream message says of a game (the API's LiveMessage). */
export type LivePatch = {
  matchId: string;
  seq: number;
  status: 'scheduled' | 'live' | 'final' | 'forfeit' | 'postponed';
  period: number;
  homeScore: number | null;
  awayScore: number | null;
};

/** The fields of a game that live messages update. */
export type LiveFields = {
  id: string;
  status: LivePatch['status'];
  period: number;
  homeScore: number | null;
  awayScore: number | null;
  liveSeq: number | null;
  source?: string | null;
  illustrative?: string[];
};

/** A score that arrives live was entered at the table: it is no longer an illustrative value (as the API records it). */
const ENTERED_LIVE = ['status', 'homeScore', 'awayScore'];

export type StreamState = 'off' | 'connecting' | 'live' | 'retrying';

/**
 * The newest live message of each game on the page. Pages render games as the server sent them;
 * `merge` lays a newer message over a game, so every table and board patches in place without reload.
 * One instance per page view (a Svelte context), never shared between visitors on the server.
 */
export class LiveScores {
  patches = $state<Record<string, LivePatch>>({});
  state = $state<StreamState>('off');

  apply(patch: LivePatch): void {
    const current = this.patches[patch.matchId];
    if (!current || patch.seq > current.seq) this.patches[patch.matchId] = patch;
  }

  merge<T extends LiveFields>(match: T): T {
    const patch = this.patches[match.id];
    if (!patch || (match.liveSeq !== null && patch.seq <= match.liveSeq)) return match;
    const provenance = {
      ...(match.illustrative
        ? { illustrative: match.illustrative.filter((field) => !ENTERED_LIVE.includes(field)) }
        : {}),
      ...(match.source === 'illustrative' ? { source: 'organizer' } : {}),
    };
    return {
      ...match,
      status: patch.status,
      period: patch.period,
      homeScore: patch.homeScore,
      awayScore: patch.awayScore,
      liveSeq: patch.seq,
      ...provenance,
    };
  }
}

const KEY = Symbol('live-scores');

export const provideLiveScores = (): LiveScores => setContext(KEY, new LiveScores());

/** The page's live scores; a component outside any live page gets a quiet instance of its own. */
export const useLiveScores = (): LiveScores => getContext<LiveScores | undefined>(KEY) ?? new LiveScores();
