import type { MessageKey } from '$lib/i18n';
import { PROBLEM_CODE_TEXT } from '$lib/components/problem-codes';

/**
 * A refused live action in the reader's words, by its problem code: the API's (`live.not-live`,
 * `scorer-link.expired`, …) or the local rules' (`live.<refusal code>`), never the API's English
 * `detail`. Any other refusal says only that the server did not apply it.
 */
export function liveProblemKey(code: string | null | undefined): MessageKey {
  const scoring = code !== null && code !== undefined && (code.startsWith('live.') || code.startsWith('scorer-link.'));
  return (scoring ? PROBLEM_CODE_TEXT[code] : undefined) ?? 'score.problem.other';
}
