import type { MessageKey } from '$lib/i18n';

/**
 * The API's stable problem codes (problem+json `code`), each with the reader's words. A page looks here first;
 * a problem without a code, or with one not listed, falls back to the status and the field messages.
 */
export const PROBLEM_CODE_TEXT: Record<string, MessageKey> = {
  'validation.invalid': 'registration.problem.fields',
  'validation.required': 'registration.problem.fields',
  'validation.unknown-field': 'registration.problem.fields',
  'validation.malformed': 'registration.problem.fields',
  'validation.malformed-json': 'registration.problem.fields',
  'auth.unauthorized': 'registration.problem.signIn',
  'auth.forbidden': 'registration.problem.forbidden',
  'resource.not-found': 'registration.problem.notFound',
  'resource.conflict': 'registration.problem.conflict',
  'resource.exists': 'registration.problem.exists',
  'rule.violated': 'registration.problem.rule',
  'rate-limit.exceeded': 'registration.problem.tooMany',
  'request.too-large': 'registration.problem.tooLarge',
  'server.error': 'registration.problem.server',
  'server.unavailable': 'registration.problem.server',
  'registration.withdrawal-needs-approval': 'registration.problem.withdrawalNeedsApproval',
  'registration.withdrawal-not-needed': 'registration.problem.withdrawalNotNeeded',
  'registration.withdrawal-already-requested': 'registration.problem.withdrawalAlreadyRequested',
  'registration.no-withdrawal-request': 'registration.problem.noWithdrawalRequest',
  'schedule.too-few-teams': 'competition.generate.tooFewTeams',
  'playoffs.no-group-games': 'competition.playoffs.noGroupGames',
  'playoffs.groups-remain': 'competition.playoffs.groupsOpen',
  'playoffs.too-many-qualifiers': 'registration.problem.fields',
  'live.not-live': 'score.problem.notLive',
  'live.already-started': 'score.problem.alreadyStarted',
  'live.invalid-points': 'score.problem.invalidPoints',
  'live.unknown-target': 'score.problem.unknownTarget',
  'live.not-undoable': 'score.problem.notUndoable',
  'live.level-score': 'score.problem.levelScore',
  'live.postponed': 'score.problem.postponed',
  'scorer-link.unknown': 'score.problem.linkUnknown',
  'scorer-link.other-game': 'score.problem.linkOtherGame',
  'scorer-link.revoked': 'score.problem.linkRevoked',
  'scorer-link.expired': 'score.problem.linkExpired',
};

const BY_STATUS: Record<number, MessageKey> = {
  400: 'registration.problem.fields',
  401: 'registration.problem.signIn',
  403: 'registration.problem.forbidden',
  404: 'registration.problem.notFound',
  409: 'registration.problem.conflict',
  413: 'registration.problem.tooLarge',
  422: 'registration.problem.rule',
  429: 'registration.problem.tooMany',
};

/** The text for a problem: by its code when known, else by the page's own text for the status, else by status. */
export function problemKey(
  problem: { status: number; code?: string | null },
  own: Partial<Record<number, MessageKey>> = {},
): { key: MessageKey; byCode: boolean } {
  const byCode = problem.code ? PROBLEM_CODE_TEXT[problem.code] : undefined;
  if (byCode && !BY_STATUS_GENERIC.has(problem.code ?? '')) return { key: byCode, byCode: true };
  const key = own[problem.status] ?? byCode ?? BY_STATUS[problem.status] ?? 'registration.problem.server';
  return { key, byCode: false };
}

/** Codes that say no more than the status: a page's own text for that status is more precise. */
const BY_STATUS_GENERIC = new Set(['validation.invalid', 'resource.conflict', 'rule.violated', 'resource.not-found']);
