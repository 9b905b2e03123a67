import { Injectable } from '@nestjs/common';
import type { UserEntity } from './user.entity.js';
import { type NewUser, UsersRepository } from './users.repository.js';

/** Accounts: the users table is this module's; sign-in (auth) and the request guard read it through here. */
@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findByEmail(email);
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findById(id);
  }

  /** The current token version, or null when the account is gone. */
  tokenVersion(id: string): Promise<number | null> {
    return this.users.tokenVersion(id);
  }

  /** Revokes every token issued so far; false when the account is gone. */
  revokeTokens(id: string): Promise<boolean> {
    return this.users.bumpTokenVersion(id);
  }

  create(user: NewUser): Promise<UserEntity> {
    return this.users.insert(user);
  }
}
