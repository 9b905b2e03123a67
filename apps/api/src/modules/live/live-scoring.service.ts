import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { TransactionHost, type TxHost } from '../../database/transactions.js';
import {
  type LiveAction,
  type LiveRefusal,
  type LiveRefusalCode,
  type LiveState,
  applyLiveAction,
  LIVE_POINTS,
} from '@sailcourt/domain';
import type { Caller } from '../../common/auth.js';
import { conflict, ProblemException } from '../../common/problem.js';
import type { Ruleset } from '../events/event.entity.js';
import type { MatchResultDto } from '../matches/dto/match.dto.js';
import type { MatchEntity } from '../matches/match.entity.js';
import { MatchesService } from '../matches/matches.service.js';
import type { LiveActionDto, LiveActionResultDto } from './dto/live.dto.js';
import type { LiveActionEntity } from './live-action.entity.js';
import { LiveLogService } from './live-log.service.js';
import { ScorerLinksService } from './scorer-links.service.js';

export type LiveWriter = { caller?: Caller | undefined; scorerToken?: string | undefined };
export type LiveAnswer = { created: boolean; answer: LiveActionResultDto };

/** How each refusal of the live rules reaches the client. */
const REFUSAL_STATUS: Record<LiveRefusalCode, HttpStatus> = {
  'not-live': HttpStatus.CONFLICT,
  'already-started': HttpStatus.CONFLICT,
  'not-undoable': HttpStatus.CONFLICT,
  'invalid-points': HttpStatus.UNPROCESSABLE_ENTITY,
  'level-score': HttpStatus.UNPROCESSABLE_ENTITY,
  'unknown-target': HttpStatus.BAD_REQUEST,
};

/**
 * Live scoring: each action is checked against the game's log by the domain rules and applied in
 * one transaction (event and game locked, log appended, game updated, NOTIFY sent). Two scorers on
 * one game are thereby put in one order, and a retried clientEventId finds its first answer.
 */
@Injectable()
export class LiveScoringService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly matches: MatchesService,
    private readonly log: LiveLogService,
    private readonly links: ScorerLinksService,
  ) {}

  async record(matchId: string, input: LiveActionDto, writer: LiveWriter): Promise<LiveAnswer> {
    const { id, eventId } = await this.matches.require(matchId);
    const actor = writer.caller
      ? `user:${writer.caller.id}`
      : `scorer-link:${(await this.links.authorize(id, writer.scorerToken ?? '')).id}`;
    return this.txHost.withTransaction(async () => {
      const match = await this.matches.lockForWrite(id, undefined, eventId);
      const earlier = await this.log.findByClientEventId(match.id, input.clientEventId);
      if (earlier) return { created: false, answer: answerOf(earlier) };
      const action = fromDto(input);
      // Only an undo looks back at earlier actions; every other rule reads the game's current state.
      const history = action.type === 'undo' ? (await this.log.forMatch(match.id)).flatMap(toDomainAction) : [];
      const ruleset = await this.matches.rulesetOf(match);
      const outcome = applyLiveAction(liveStateOf(match), history, action, LIVE_POINTS[ruleset]);
      if (!outcome.ok) throw refusalProblem(outcome.refusal);
      const { state } = outcome;
      const entry =
        action.type === 'final'
          ? await this.matches.recordResult(match, finalResult(state, ruleset), {
              type: 'final',
              clientEventId: action.clientEventId,
              actor,
            })
          : await this.matches.recordLiveState(match, {
              clientEventId: action.clientEventId,
              type: action.type,
              team: action.type === 'score' ? action.team : null,
              points: action.type === 'score' ? action.points : null,
              targetClientEventId: action.type === 'undo' ? action.targetClientEventId : null,
              status: state.status,
              period: state.period,
              homeScore: state.homeScore,
              awayScore: state.awayScore,
              actor,
            });
      return { created: true, answer: answerOf(entry) };
    });
  }
}

/** A scorer's final as a result: in 3x3 a game that went past its one period was decided in overtime (3x3 Art. 6). */
const finalResult = (state: LiveState, ruleset: Ruleset): MatchResultDto => ({
  homeScore: state.homeScore,
  awayScore: state.awayScore,
  ...(ruleset === 'fiba-3x3' && state.period > 1 ? { overtime: true } : {}),
});

/** The game's live state as its row holds it (kept equal to its log by every write). */
function liveStateOf(match: MatchEntity): LiveState {
  if (match.status === 'postponed')
    throw conflict(
      'The game is postponed: reschedule it before scoring it.',
      [{ field: 'type', message: 'game is postponed' }],
      'live.postponed',
    );
  const status = match.status === 'scheduled' || match.status === 'live' ? match.status : 'final';
  return { status, period: match.period, homeScore: match.homeScore ?? 0, awayScore: match.awayScore ?? 0 };
}

function fromDto(input: LiveActionDto): LiveAction {
  const { clientEventId } = input;
  switch (input.type) {
    case 'score':
      return { clientEventId, type: 'score', team: input.team ?? 'home', points: input.points ?? 0 };
    case 'undo':
      return { clientEventId, type: 'undo', targetClientEventId: input.targetClientEventId ?? '' };
    case 'start':
    case 'period-end':
    case 'final':
      return { clientEventId, type: input.type };
  }
}

/** A log entry as the domain rules see it; results entered by form carry no scorer action. */
function toDomainAction(entry: LiveActionEntity): LiveAction[] {
  const clientEventId = entry.clientEventId;
  if (clientEventId === null) return [];
  switch (entry.type) {
    case 'score':
      return [{ clientEventId, type: 'score', team: entry.team ?? 'home', points: entry.points ?? 0 }];
    case 'undo':
      return [{ clientEventId, type: 'undo', targetClientEventId: entry.targetClientEventId ?? '' }];
    case 'start':
    case 'period-end':
    case 'final':
      return [{ clientEventId, type: entry.type }];
    case 'result':
      return [];
  }
}

const refusalProblem = (refusal: LiveRefusal) =>
  new ProblemException(
    REFUSAL_STATUS[refusal.code],
    refusal.message,
    [{ field: refusal.field, message: refusal.message, code: `live.${refusal.code}` }],
    `live.${refusal.code}`,
  );

export const answerOf = (entry: LiveActionEntity): LiveActionResultDto => ({
  seq: entry.seq,
  match: {
    id: entry.matchId,
    status: entry.status as LiveActionResultDto['match']['status'],
    period: entry.period,
    homeScore: entry.homeScore,
    awayScore: entry.awayScore,
  },
});
