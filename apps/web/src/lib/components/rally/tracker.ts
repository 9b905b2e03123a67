// The tracker view's plain data and helpers, shared by the server (building it) and the browser
// (replay): trails are projected once on the server and clipped by time in the browser.

import type { Schemas } from '@sailcourt/api-client';
import { type Frame, type LonLat, polylinePath, projectWithFrame } from './geo.js';

export type TrailPoint = readonly [x: number, y: number, at: number];
export type Trail = { entryId: string; colour: string; points: TrailPoint[] };
export type ProgressRow = Schemas['ProgressRowDto'];
/** A boat on the map: its trail so far and its last position (the tracker's leaderboard is the text alternative). */
export type MapBoat = {
  entryId: string;
  label: string;
  colour: string;
  trail: string;
  at: readonly [number, number] | null;
};
export type TrackerView = {
  legNumber: number;
  /** The leg's window, epoch ms: from its start to the next leg's start (or the rally's end). */
  from: number;
  to: number;
  at: number;
  rows: ProgressRow[];
  trails: Trail[];
  frame: Frame;
};

/** Distinct, dark enough for 3:1 against the sea and the land; one per boat in entry order. */
export const BOAT_COLOURS = [
  '#c01048',
  '#1d4ed8',
  '#047857',
  '#b45309',
  '#7e22ce',
  '#0f766e',
  '#4b5563',
  '#be185d',
  '#4338ca',
];
export const boatColour = (index: number): string => BOAT_COLOURS[index % BOAT_COLOURS.length] as string;

/** The replay moves in steps of this many minutes. */
export const REPLAY_STEP_MINUTES = 10;

/** A leg's tracking window: its start until the next leg starts, or the end of the rally's last day (UTC+8). */
export function legWindow(
  legs: readonly Pick<Schemas['LegDto'], 'number' | 'startsAt'>[],
  legNumber: number,
  rallyEndDate: string,
): { from: number; to: number } | null {
  const leg = legs.find((l) => l.number === legNumber);
  if (!leg) return null;
  const from = Date.parse(leg.startsAt);
  const next = legs
    .filter((l) => Date.parse(l.startsAt) > from)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))[0];
  return { from, to: next ? Date.parse(next.startsAt) - 60_000 : Date.parse(`${rallyEndDate}T23:59:00+08:00`) };
}

/** The instant shown first: now while the leg is on, else its end (or start, before it). */
export function defaultInstant(window: { from: number; to: number }, now: number): number {
  return Math.min(window.to, Math.max(window.from, now));
}

/** An instant from `?at=` (ISO or epoch ms), kept inside the window; null when absent or unreadable. */
export function parseInstant(raw: string | null, window: { from: number; to: number }): number | null {
  if (!raw) return null;
  const ms = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  return Number.isFinite(ms) ? Math.min(window.to, Math.max(window.from, ms)) : null;
}

/** Each boat's simplified track, projected onto the map, in entry order. */
export function buildTrails(
  frame: Frame,
  entryIds: readonly string[],
  points: readonly Schemas['TrackPointDto'][],
): Trail[] {
  return entryIds.map((entryId, index) => ({
    entryId,
    colour: boatColour(index),
    points: points
      .filter((p) => p.entryId === entryId)
      .map((p) => {
        const [x, y] = projectWithFrame(frame, [p.lon, p.lat] as LonLat);
        return [Math.round(x * 10) / 10, Math.round(y * 10) / 10, Date.parse(p.at)] as const;
      }),
  }));
}

/** The trail as sailed up to `at`. */
export function trailPathUpTo(points: readonly TrailPoint[], at: number): string {
  const sailed = points.filter((p) => p[2] <= at);
  return sailed.length > 1 ? polylinePath(sailed.map(([x, y]) => [x, y] as const)) : '';
}

/** Where a leaderboard row's last fix falls on the map, or null without a fix. */
export function boatPoint(frame: Frame, row: Pick<ProgressRow, 'lat' | 'lon'>): readonly [number, number] | null {
  return row.lat === null || row.lon === null ? null : projectWithFrame(frame, [row.lon, row.lat]);
}

/** `YYYY-MM-DDTHH:MM` in Qingdao time, for labels and the no-JS form. */
export function qingdaoMinute(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16);
}
