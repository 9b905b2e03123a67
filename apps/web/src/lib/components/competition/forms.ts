import type { SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';
import type { Problem } from '$lib/components/registration/form-errors';
import type { ClashingMatch } from './match-errors.js';

/** What the result action hands back to the page, for the game it was about. */
export type ResultAnswer = {
  matchId: string;
  homeScore: string;
  awayScore: string;
  forfeitedBy: string;
  overtime?: boolean;
  problem?: Problem;
  saved?: boolean;
  savedLabel?: string;
};

/** What the reschedule action hands back; `clashing` names the games a 409 clash points at. */
export type RescheduleAnswer = {
  matchId: string;
  date: string;
  time: string;
  venueId: string;
  court: string;
  problem?: Problem;
  clashing?: ClashingMatch[];
  saved?: 'rescheduled' | 'postponed' | 'restored';
};

/** A stale version: someone else saved the game since this page was loaded. */
export const isStale = (problem: Problem | undefined): boolean =>
  problem?.status === 409 && problem.errors.some((e) => e.field === 'version');

/** `YYYY-MM-DD` + `HH:MM` in Qingdao → the instant the API wants; null when either is missing or malformed. */
export function shanghaiInstant(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return null;
  return `${date}T${time}:00+08:00`;
}

/**
 * A score as typed: blank is "not given" (the API names the missing field), a number goes to the API
 * as is so that its own rules answer (negative, fractional, too large), anything else is refused here.
 */
export function parseScore(value: string): { ok: true; value: number | undefined } | { ok: false } {
  const trimmed = value.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  const n = Number(trimmed);
  return Number.isFinite(n) ? { ok: true, value: n } : { ok: false };
}

/**
 * `use:enhance` for the games' forms: keep what was typed, and after a refusal move the focus to the
 * first field in error, so a screen reader reads the error tied to it.
 */
export const focusFirstInvalid: SubmitFunction =
  () =>
  async ({ update, result, formElement }) => {
    await update({ reset: false });
    await tick();
    if (result.type === 'failure') formElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  };
