import pg from 'pg';

type Destroyable = { connection?: { stream?: { destroy: () => void } } };

const baseQuery = pg.Client.prototype.query;

/**
 * A pg client that drops its connection when a query outlives `query_timeout`. pg only rejects the
 * late query and leaves the connection busy, so the ROLLBACK that follows would wait just as long
 * behind it; closing the socket makes that fail at once and the pool replaces the connection. With
 * a stalled server (SIGSTOP, a network partition) a request therefore fails within one timeout.
 */
export class FailFastClient extends pg.Client {}

Object.defineProperty(FailFastClient.prototype, 'query', {
  value: function failFastQuery(this: pg.Client, ...args: unknown[]): unknown {
    const result: unknown = Reflect.apply(baseQuery, this, args);
    if (result instanceof Promise) {
      result.catch((error: unknown) => {
        if (isReadTimeout(error)) (this as unknown as Destroyable).connection?.stream?.destroy();
      });
    }
    return result;
  },
});

export const isReadTimeout = (error: unknown): boolean =>
  error instanceof Error && error.message === 'Query read timeout';
