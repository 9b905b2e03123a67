import { Injectable } from '@nestjs/common';
import { DataSource, type Repository } from 'typeorm';
import { UserEntity, type UserRole } from './user.entity.js';

@Injectable()
export class UsersRepository {
  private readonly users: Repository<UserEntity>;

  constructor(dataSource: DataSource) {
    this.users = dataSource.getRepository(UserEntity);
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email: email.toLowerCase() });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  /** The current token version, or null when the account is gone (one primary-key lookup). */
  async tokenVersion(id: string): Promise<number | null> {
    const rows = (await this.users.query('SELECT token_version FROM users WHERE id = $1', [id])) as {
      token_version: number;
    }[];
    return rows[0]?.token_version ?? null;
  }

  /** Revokes every token issued so far; returns false when the account is gone. */
  async bumpTokenVersion(id: string): Promise<boolean> {
    const result = await this.users.increment({ id }, 'tokenVersion', 1);
    return (result.affected ?? 0) > 0;
  }

  async insert(user: {
    email: string;
    passwordHash: string;
    role: UserRole;
    displayName: string;
  }): Promise<UserEntity> {
    return this.users.save(this.users.create({ ...user, email: user.email.toLowerCase() }));
  }
}
