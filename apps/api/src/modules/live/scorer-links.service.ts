import { createHash, randomBytes } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import type { Caller } from '../../common/auth.js';
import { SCORER_TOKEN_PREFIX } from '../../common/auth.js';
import { notFound, ProblemException, unprocessable } from '../../common/problem.js';
import { MatchesService } from '../matches/matches.service.js';
import type { CreateScorerLinkDto, ScorerLinkDto } from './dto/live.dto.js';
import type { ScorerLinkEntity } from './scorer-link.entity.js';
import { ScorerLinksRepository } from './scorer-links.repository.js';

const HOUR_MS = 3_600_000;
const DEFAULT_LIFETIME_MS = 12 * HOUR_MS;
const MAX_LIFETIME_MS = 7 * 24 * HOUR_MS;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Scorer links: one game, one expiry, revocable; the token is shown once and stored as a hash. */
@Injectable()
export class ScorerLinksService {
  constructor(
    private readonly links: ScorerLinksRepository,
    private readonly matches: MatchesService,
  ) {}

  async create(matchId: string, input: CreateScorerLinkDto, caller: Caller): Promise<ScorerLinkDto> {
    const match = await this.matches.require(matchId);
    const now = Date.now();
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : new Date(now + DEFAULT_LIFETIME_MS);
    if (expiresAt.getTime() <= now || expiresAt.getTime() > now + MAX_LIFETIME_MS) {
      throw unprocessable(
        'A scorer link expires in the future, at most 7 days ahead.',
        [{ field: 'expiresAt', message: 'must be within the next 7 days' }],
        'scorer-link.expiry',
      );
    }
    const token = `${SCORER_TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`;
    const link = await this.links.create({
      matchId: match.id,
      tokenHash: hashToken(token),
      label: input.label?.trim() ?? null,
      expiresAt,
      createdBy: caller.id,
    });
    return { ...toScorerLinkDto(link), token };
  }

  async list(matchId: string): Promise<ScorerLinkDto[]> {
    const match = await this.matches.require(matchId);
    return (await this.links.forMatch(match.id)).map(toScorerLinkDto);
  }

  async revoke(matchId: string, linkId: string): Promise<void> {
    const match = await this.matches.require(matchId);
    const link = await this.links.revoke(match.id, linkId);
    if (!link) throw notFound('scorer link', linkId);
  }

  /** The link a token opens for this game; 401 for a token we never issued, 403 for the wrong game, a revoked or an expired one. */
  async authorize(matchId: string, token: string): Promise<ScorerLinkEntity> {
    const link = await this.links.byTokenHash(hashToken(token));
    if (!link)
      throw new ProblemException(
        HttpStatus.UNAUTHORIZED,
        'This scorer link is not known.',
        undefined,
        'scorer-link.unknown',
      );
    const refuse = (why: string, code: string) => new ProblemException(HttpStatus.FORBIDDEN, why, undefined, code);
    if (link.matchId !== matchId) throw refuse('This scorer link is for another game.', 'scorer-link.other-game');
    if (link.revokedAt) throw refuse('This scorer link was revoked.', 'scorer-link.revoked');
    if (link.expiresAt.getTime() <= Date.now()) throw refuse('This scorer link has expired.', 'scorer-link.expired');
    return link;
  }
}

const toScorerLinkDto = (link: ScorerLinkEntity): ScorerLinkDto => ({
  id: link.id,
  matchId: link.matchId,
  label: link.label,
  expiresAt: link.expiresAt.toISOString(),
  revokedAt: link.revokedAt?.toISOString() ?? null,
  createdAt: link.createdAt.toISOString(),
});
