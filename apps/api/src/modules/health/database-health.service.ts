import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** What the probes ask the database: whether it answers, and whether this build's migrations are applied. */
@Injectable()
export class DatabaseHealthService {
  constructor(private readonly dataSource: DataSource) {}

  /** True when the database answers a trivial query. */
  async reachable(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  /** Compares the applied migrations (TypeORM's `migrations` table) with the ones this build carries. */
  async migrationsPending(): Promise<boolean> {
    let applied: { name: string }[];
    try {
      applied = await this.dataSource.query<{ name: string }[]>('SELECT name FROM migrations');
    } catch {
      return true; // no migrations table yet, or the database went away: not ready either way
    }
    const names = new Set(applied.map((row) => row.name));
    return this.dataSource.migrations.some((migration) => !names.has(migration.name ?? migration.constructor.name));
  }
}
