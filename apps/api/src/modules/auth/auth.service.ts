import { HttpStatus, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { hash, verify } from '@node-rs/argon2';
import type { TokenClaims } from '../../common/auth.js';
import { QueryFailedError } from 'typeorm';
import { conflict, ProblemException } from '../../common/problem.js';
import type { UserEntity } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import type { LoginDto, SessionDto, SignupDto, UserDto } from './dto/auth.dto.js';

const emailTaken = () =>
  conflict('An account with this email already exists.', [{ field: 'email', message: 'is taken' }], 'auth.email-taken');
const isUniqueViolation = (error: unknown): boolean =>
  error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';

export const toUserDto = (user: UserEntity): UserDto => ({
  id: user.id,
  email: user.email,
  role: user.role,
  displayName: user.displayName,
});

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so a miss costs as long as a wrong password. */
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
  ) {}

  async login({ email, password }: LoginDto): Promise<SessionDto> {
    const user = await this.users.findByEmail(email);
    this.dummyHash ??= hash('sailcourt-timing-equaliser');
    const ok = await verify(user?.passwordHash ?? (await this.dummyHash), password).catch(() => false);
    if (!user || !ok)
      throw new ProblemException(
        HttpStatus.UNAUTHORIZED,
        'Wrong email or password.',
        undefined,
        'auth.invalid-credentials',
      );
    return this.session(user);
  }

  async signup({ email, password, displayName }: SignupDto): Promise<SessionDto> {
    if (await this.users.findByEmail(email)) throw emailTaken();
    const passwordHash = await hash(password);
    // Two sign-ups racing for one email: the unique index decides, and the loser hears the same 409.
    const user = await this.users
      .create({ email, passwordHash, role: 'team_manager', displayName })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? emailTaken() : error;
      });
    return this.session(user);
  }

  /** Sign-out everywhere: every token issued to this account so far stops working. */
  async logout(id: string): Promise<void> {
    await this.users.revokeTokens(id);
  }

  async me(id: string): Promise<UserDto> {
    const user = await this.users.findById(id);
    if (!user) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'The account no longer exists.');
    return toUserDto(user);
  }

  private async session(user: UserEntity): Promise<SessionDto> {
    const claims: TokenClaims = { sub: user.id, role: user.role, email: user.email, ver: user.tokenVersion };
    return { accessToken: await this.jwt.signAsync(claims), user: toUserDto(user) };
  }
}
