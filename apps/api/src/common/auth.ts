import { type CanActivate, type ExecutionContext, HttpStatus, Injectable, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import type { UserRole } from '../modules/users/user.entity.js';
import { ProblemException } from './problem.js';

/** Who is calling, as read from a verified bearer token. */
export type Caller = { id: string; role: UserRole; email: string };
export type TokenClaims = { sub: string; role: UserRole; email: string };

type Access = { roles: readonly UserRole[] };
const ACCESS_KEY = 'sailcourt:access';

/** Any signed-in user. */
export const SignedIn = () => SetMetadata(ACCESS_KEY, { roles: ['organizer', 'team_manager'] } satisfies Access);
/** Only these roles; others get 403, anonymous callers 401. */
export const Roles = (...roles: UserRole[]) => SetMetadata(ACCESS_KEY, { roles } satisfies Access);

/**
 * Link tokens (a boat's tracker token) are opaque bearer tokens, not JWTs: they carry this prefix so the
 * guard hands them to the route, whose service decides what they allow. They never make a `Caller`.
 */
export const LINK_TOKEN_PREFIX = 'trk_';

type AuthedRequest = Request & { caller?: Caller; linkToken?: string };

/** The link token the request carried, if any (see LINK_TOKEN_PREFIX). */
export const LinkToken = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return context.switchToHttp().getRequest<AuthedRequest>().linkToken;
});

export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return context.switchToHttp().getRequest<AuthedRequest>().caller;
});

function readLinkToken(header: string): string | undefined {
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token?.startsWith(LINK_TOKEN_PREFIX) ? token : undefined;
}

/**
 * Reads the bearer token on every request (public reads too, so a bad token is always a 401),
 * then enforces the route's access rule. Routes without a rule are public.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const header = request.headers.authorization;
    const linkToken = header ? readLinkToken(header) : undefined;
    if (linkToken) request.linkToken = linkToken;
    else if (header) request.caller = await this.verify(header);
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!access) return true;
    if (!request.caller) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'Sign in first: send Authorization: Bearer <accessToken>.');
    if (!access.roles.includes(request.caller.role)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, `This needs the role ${access.roles.join(' or ')}.`);
    }
    return true;
  }

  private async verify(header: string): Promise<Caller> {
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'The Authorization header must be "Bearer <accessToken>".');
    }
    try {
      const claims = await this.jwt.verifyAsync<TokenClaims>(token);
      return { id: claims.sub, role: claims.role, email: claims.email };
    } catch {
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'The access token is invalid or has expired.');
    }
  }
}
