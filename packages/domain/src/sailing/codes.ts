// Scoring abbreviations of the Racing Rules of Sailing, Appendix A (A10/A11 in RRS 2021–2024).
// Descriptions are paraphrased for display; the rule book is the authority.

export const SAILING_SCORING_CODES = [
  'DNC',
  'DNS',
  'OCS',
  'ZFP',
  'UFD',
  'BFD',
  'SCP',
  'NSC',
  'DNF',
  'RET',
  'DSQ',
  'DNE',
  'RDG',
  'DPI',
] as const;

export type SailingScoringCode = (typeof SAILING_SCORING_CODES)[number];

/** Codes scored as "did not finish": points = boats entered in the series + 1 (A5.2). */
export type SailingNonFinisherCode = Exclude<SailingScoringCode, 'ZFP' | 'SCP' | 'RDG' | 'DPI'>;

/** Codes that add a scoring penalty to a boat's finishing place (rule 30.2 / rule 44.3(c)). */
export type SailingPenaltyCode = Extract<SailingScoringCode, 'ZFP' | 'SCP'>;

/** Codes whose points the protest committee or race committee gives (redress, discretionary penalty). */
export type SailingGivenPointsCode = Extract<SailingScoringCode, 'RDG' | 'DPI'>;

export const SAILING_SCORING_CODE_DESCRIPTIONS: Readonly<Record<SailingScoringCode, string>> = {
  DNC: 'Did not start; did not come to the starting area',
  DNS: 'Did not start (other than DNC and OCS)',
  OCS: 'Did not start; on the course side of the starting line at her starting signal',
  ZFP: '20% scoring penalty under rule 30.2 (Z flag)',
  UFD: 'Disqualification under rule 30.3 (U flag)',
  BFD: 'Disqualification under rule 30.4 (black flag)',
  SCP: 'Scoring penalty applied',
  NSC: 'Did not sail the course',
  DNF: 'Did not finish',
  RET: 'Retired',
  DSQ: 'Disqualification',
  DNE: 'Disqualification that is not excludable',
  RDG: 'Redress given',
  DPI: 'Discretionary penalty imposed',
};

const CODE_SET: ReadonlySet<string> = new Set(SAILING_SCORING_CODES);

export function isSailingScoringCode(value: string): value is SailingScoringCode {
  return CODE_SET.has(value);
}

export function isSailingNonFinisherCode(code: SailingScoringCode): code is SailingNonFinisherCode {
  return code !== 'ZFP' && code !== 'SCP' && code !== 'RDG' && code !== 'DPI';
}

export function isSailingPenaltyCode(code: SailingScoringCode): code is SailingPenaltyCode {
  return code === 'ZFP' || code === 'SCP';
}

export function isSailingGivenPointsCode(code: SailingScoringCode): code is SailingGivenPointsCode {
  return code === 'RDG' || code === 'DPI';
}

/** Points are kept to 6 decimals so sums of shared places (x.5) and leg coefficients compare exactly. */
export function roundSailingPoints(points: number): number {
  return Math.round(points * 1e6) / 1e6;
}
