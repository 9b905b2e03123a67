// Typed error for every rule violation in the sailing-scoring domain.
// Callers (API, import jobs) can switch on `kind` and show `message` to an organizer.

export type SailingScoringErrorKind =
  | 'INVALID_INSTANT'
  | 'FINISH_NOT_AFTER_START'
  | 'INVALID_RATING'
  | 'INVALID_DISTANCE'
  | 'INVALID_ELAPSED'
  | 'INVALID_COEFFICIENT'
  | 'INVALID_PENALTY_PERCENT'
  | 'INVALID_ENTRY'
  | 'DUPLICATE_ENTRY'
  | 'DUPLICATE_RESULT'
  | 'UNKNOWN_ENTRY'
  | 'UNKNOWN_CODE'
  | 'MISSING_POINTS'
  | 'INVALID_POINTS'
  | 'UNEXPECTED_POINTS'
  | 'MISSING_FINISH'
  | 'UNEXPECTED_FINISH'
  | 'INVALID_LEG_NUMBER'
  | 'DUPLICATE_LEG'
  | 'MISSING_SCORE'
  | 'INVALID_DISCARDS';

export class SailingScoringError extends Error {
  readonly kind: SailingScoringErrorKind;

  constructor(kind: SailingScoringErrorKind, message: string) {
    super(message);
    this.name = 'SailingScoringError';
    this.kind = kind;
  }
}

export function isSailingScoringError(value: unknown): value is SailingScoringError {
  return value instanceof SailingScoringError;
}
