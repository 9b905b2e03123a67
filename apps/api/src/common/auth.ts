import { type CanActivate, type ExecutionContext, HttpStatus, Injectable, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import type { UserRole } from '../modules/users/user.entity.js';
import { UsersRepository } from '../modules/users/users.repository.js';
import { ProblemException } from './problem.js';

/** Who is calling, as read from a verified bearer token. */
export type Caller = { id: string; role: UserRole; email: string };
/** `ver`: the account's token version at issue; sign-out bumps it, which revokes the token. */
export type TokenClaims = { sub: string; role: UserRole; email: string; ver?: number };

/** Scorer-link tokens are opaque (not JWTs): the prefix tells the guard to leave them to live scoring. */
export const SCORER_TOKEN_PREFIX = 'sc_';

type Access = { roles: readonly UserRole[]; scorerLink?: boolean };
const ACCESS_KEY = 'sailcourt:access';

/** Any signed-in user. */
export const SignedIn = () => SetMetadata(ACCESS_KEY, { roles: ['organizer', 'team_manager'] } satisfies Access);
/** Only these roles; others get 403, anonymous callers 401. */
export const Roles = (...roles: UserRole[]) => SetMetadata(ACCESS_KEY, { roles } satisfies Access);

/** These roles, or a scorer link's token (which the handler checks against its game). */
export const RolesOrScorerLink = (...roles: UserRole[]) => SetMetadata(ACCESS_KEY, { roles, scorerLink: true } satisfies Access);

type AuthedRequest = Request & { caller?: Caller; scorerToken?: string };

export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return context.switchToHttp().getRequest<AuthedRequest>().caller;
});

/** The scorer-link token the request carries, if any. */
export const CurrentScorerToken = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return context.switchToHttp().getRequest<AuthedRequest>().scorerToken;
});

/**
 * Reads the bearer token on every request (public reads too, so a bad token is always a 401),
 * then enforces the route's access rule. Routes without a rule are public.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
    private readonly users: UsersRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const header = request.headers.authorization;
    if (header) {
      const token = bearerToken(header);
      if (token.startsWith(SCORER_TOKEN_PREFIX)) request.scorerToken = token;
      else request.caller = await this.verify(token);
    }
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!access) return true;
    if (request.scorerToken) {
      if (access.scorerLink) return true;
      throw new ProblemException(HttpStatus.FORBIDDEN, 'A scorer link only allows live scoring of its own game.', undefined, 'scorer-link.scope');
    }
    if (!request.caller) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'Sign in first: send Authorization: Bearer <accessToken>.');
    if (!access.roles.includes(request.caller.role)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, `This needs the role ${access.roles.join(' or ')}.`);
    }
    return true;
  }

  private async verify(token: string): Promise<Caller> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'The access token is invalid or has expired.', undefined, 'auth.token-invalid');
    }
    // Checked on every signed-in request (a primary-key lookup), so a sign-out holds on every replica at once.
    if ((await this.users.tokenVersion(claims.sub)) !== (claims.ver ?? 0)) {
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'The access token was revoked (signed out).', undefined, 'auth.token-revoked');
    }
    return { id: claims.sub, role: claims.role, email: claims.email };
  }
}

function bearerToken(header: string): string {
  const [scheme, token] = header.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) {
    throw new ProblemException(HttpStatus.UNAUTHORIZED, 'The Authorization header must be "Bearer <accessToken>".');
  }
  return token;
}
