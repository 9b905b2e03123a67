import { HttpStatus, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { hash, verify } from '@node-rs/argon2';
import type { TokenClaims } from '../../common/auth.js';
import { conflict, ProblemException } from '../../common/problem.js';
import type { UserEntity } from '../users/user.entity.js';
import { UsersRepository } from '../users/users.repository.js';
import type { LoginDto, SessionDto, SignupDto, UserDto } from './dto/auth.dto.js';


export const toUserDto = (user: UserEntity): UserDto => ({ id: user.id, email: user.email, role: user.role, displayName: user.displayName });

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so a miss costs as long as a wrong password. */
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
  ) {}

  async login({ email, password }: LoginDto): Promise<SessionDto> {
    const user = await this.users.findByEmail(email);
    this.dummyHash ??= hash('sailcourt-timing-equaliser');
    const ok = await verify(user?.passwordHash ?? (await this.dummyHash), password).catch(() => false);
    if (!user || !ok) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'Wrong email or password.');
    return this.session(user);
  }

  async signup({ email, password, displayName }: SignupDto): Promise<SessionDto> {
    if (await this.users.findByEmail(email)) throw conflict('An account with this email already exists.', [{ field: 'email', message: 'is taken' }]);
    const user = await this.users.insert({ email, passwordHash: await hash(password), role: 'team_manager', displayName });
    return this.session(user);
  }

  async me(id: string): Promise<UserDto> {
    const user = await this.users.findById(id);
    if (!user) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'The account no longer exists.');
    return toUserDto(user);
  }

  private async session(user: UserEntity): Promise<SessionDto> {
    const claims: TokenClaims = { sub: user.id, role: user.role, email: user.email };
    return { accessToken: await this.jwt.signAsync(claims), user: toUserDto(user) };
  }
}
