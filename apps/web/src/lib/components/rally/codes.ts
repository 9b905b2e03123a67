import type { Schemas } from '@sailcourt/api-client';

/** The RRS Appendix A scoring abbreviations the API knows. */
export type ScoringCode = NonNullable<Schemas['LegResultDto']['code']>;

/** In the order a race committee reaches for them: the common non-finishes first, committee-given scores last. */
export const CODE_CHOICES = [
  'DNF',
  'DNS',
  'DNC',
  'OCS',
  'RET',
  'DSQ',
  'UFD',
  'BFD',
  'NSC',
  'DNE',
  'ZFP',
  'SCP',
  'RDG',
  'DPI',
] as const satisfies readonly ScoringCode[];

// Fails to compile when the API gains a code this list lacks.
type MissingCode = Exclude<ScoringCode, (typeof CODE_CHOICES)[number]>;
const _everyCodeListed: [MissingCode] extends [never] ? true : never = true;
void _everyCodeListed;

const CODE_SET: ReadonlySet<string> = new Set(CODE_CHOICES);
export const isScoringCode = (value: string): value is ScoringCode => CODE_SET.has(value);

/** Redress and discretionary penalties carry the points the committee gives (A10/A11). */
export const takesGivenPoints = (code: string): boolean => code === 'RDG' || code === 'DPI';
