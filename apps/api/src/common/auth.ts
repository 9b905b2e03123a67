import {
  type CanActivate,
  type ExecutionContext,
  HttpStatus,
  Injectable,
  SetMetadata,
  createParamDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import type { UserRole } from '../modules/users/user.entity.js';
import { UsersService } from '../modules/users/users.service.js';
import { ProblemException } from './problem.js';

/** Who is calling, as read from a verified bearer token. */
export type Caller = { id: string; role: UserRole; email: string };
/** `ver`: the account's token version at issue; sign-out bumps it, which revokes the token. */
export type TokenClaims = { sub: string; role: UserRole; email: string; ver?: number };

/**
 * Link tokens are opaque bearer tokens, not JWTs: a scorer link's (one game's live scoring) and a
 * boat's tracker token (its positions). The prefix tells the guard to hand them to the route, whose
 * service decides what they allow; they never make a `Caller`, and any route that needs a role
 * refuses them (403) unless it says it takes them.
 */
export const SCORER_TOKEN_PREFIX = 'sc_';
export const TRACKER_TOKEN_PREFIX = 'trk_';
const isLinkToken = (token: string): boolean =>
  token.startsWith(SCORER_TOKEN_PREFIX) || token.startsWith(TRACKER_TOKEN_PREFIX);

type Access = { roles: readonly UserRole[]; linkToken?: boolean };
const ACCESS_KEY = 'sailcourt:access';

/** Any signed-in user. */
export const SignedIn = () => SetMetadata(ACCESS_KEY, { roles: ['organizer', 'team_manager'] } satisfies Access);
/** Only these roles; others get 403, anonymous callers 401. */
export const Roles = (...roles: UserRole[]) => SetMetadata(ACCESS_KEY, { roles } satisfies Access);

/** These roles, or a link token (a scorer link's), which the handler checks against its game. */
export const RolesOrScorerLink = (...roles: UserRole[]) =>
  SetMetadata(ACCESS_KEY, { roles, linkToken: true } satisfies Access);

type AuthedRequest = Request & { caller?: Caller; linkToken?: string };

/** The link token the request carried, if any (see LINK_TOKEN_PREFIXES). */
export const LinkToken = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return context.switchToHttp().getRequest<AuthedRequest>().linkToken;
});

export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return context.switchToHttp().getRequest<AuthedRequest>().caller;
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
    private readonly users: UsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const header = request.headers.authorization;
    if (header) {
      const token = bearerToken(header);
      if (isLinkToken(token)) request.linkToken = token;
      else request.caller = await this.verify(token);
    }
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!access) return true;
    if (request.linkToken) {
      if (access.linkToken) return true;
      throw new ProblemException(
        HttpStatus.FORBIDDEN,
        'A scorer link or tracker token only allows what it was made for.',
        undefined,
        'link-token.scope',
      );
    }
    if (!request.caller)
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'Sign in first: send Authorization: Bearer <accessToken>.');
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
      throw new ProblemException(
        HttpStatus.UNAUTHORIZED,
        'The access token is invalid or has expired.',
        undefined,
        'auth.token-invalid',
      );
    }
    // Checked on every signed-in request (a primary-key lookup), so a sign-out holds on every replica at once.
    if ((await this.users.tokenVersion(claims.sub)) !== (claims.ver ?? 0)) {
      throw new ProblemException(
        HttpStatus.UNAUTHORIZED,
        'The access token was revoked (signed out).',
        undefined,
        'auth.token-revoked',
      );
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
