import { Inject, Injectable } from '@nestjs/common';
import { ClsPluginTransactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { ClsModule } from 'nestjs-cls';
import type { EntityManager } from 'typeorm';

/**
 * The transaction of the current call chain, held in continuation-local storage: a service opens one
 * (`withTransaction`), and every repository it reaches, in any module, runs its queries in it through
 * `tx`. Outside a transaction `tx` is the pool's plain manager.
 */
export type TxHost = TransactionHost<TransactionalAdapterTypeOrm>;
export { TransactionHost };

/** Registered once, globally, by AppModule. */
export const transactionsModule = ClsModule.forRoot({
  global: true,
  plugins: [
    new ClsPluginTransactional({
      imports: [TypeOrmModule],
      adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }),
    }),
  ],
});

/** A read of several queries that must agree with each other (one snapshot). */
export function inSnapshot<T>(txHost: TxHost, work: () => Promise<T>): Promise<T> {
  return txHost.withTransaction({ isolationLevel: 'REPEATABLE READ' }, work);
}

/** A repository's queries run in the current transaction when there is one, else on the pool. */
@Injectable()
export abstract class TransactionalRepository {
  constructor(@Inject(TransactionHost) protected readonly txHost: TxHost) {}

  protected get tx(): EntityManager {
    return this.txHost.tx;
  }
}
