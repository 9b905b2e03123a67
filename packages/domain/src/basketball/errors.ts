/**
 * Thrown when input to a basketball rule is malformed (unknown team, draw score, bad date…).
 * `code` is stable so the API can map it to a problem+json field error without parsing English.
 */
export class BasketballRuleError extends Error {
  override readonly name = 'BasketballRuleError';

  constructor(
    readonly code: BasketballRuleErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type BasketballRuleErrorCode =
  | 'duplicate-team'
  | 'unknown-team'
  | 'invalid-game'
  | 'invalid-argument'
  | 'invalid-result'
  /** A drawn lot names teams that are not, or not exactly, a tie the rules leave to lots. */
  | 'lot-not-needed';
