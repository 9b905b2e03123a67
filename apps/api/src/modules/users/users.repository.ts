import { Injectable } from '@nestjs/common';
import { TransactionalRepository } from '../../database/transactions.js';
import { UserEntity, type UserRole } from './user.entity.js';

@Injectable()
export class UsersRepository extends TransactionalRepository {
  findByEmail(email: string): Promise<UserEntity | null> {
    return this.tx.getRepository(UserEntity).findOneBy({ email: email.toLowerCase() });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.tx.getRepository(UserEntity).findOneBy({ id });
  }

  /** The current token version, or null when the account is gone (one primary-key lookup). */
  async tokenVersion(id: string): Promise<number | null> {
    const rows = await this.tx.query<{ token_version: number }[]>('SELECT token_version FROM users WHERE id = $1', [
      id,
    ]);
    return rows[0]?.token_version ?? null;
  }

  /** Revokes every token issued so far; returns false when the account is gone. */
  async bumpTokenVersion(id: string): Promise<boolean> {
    const result = await this.tx.getRepository(UserEntity).increment({ id }, 'tokenVersion', 1);
    return (result.affected ?? 0) > 0;
  }

  async insert(user: NewUser): Promise<UserEntity> {
    const users = this.tx.getRepository(UserEntity);
    return users.save(users.create({ ...user, email: user.email.toLowerCase() }));
  }
}

export type NewUser = { email: string; passwordHash: string; role: UserRole; displayName: string };
