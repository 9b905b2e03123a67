import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { createLogger, errorForLog, RedactingTypeOrmLogger } from './logger.js';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

const EMAIL = 'leak@example.com';
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g';

describe('structured logs', () => {
  it('redacts credentials, tokens, emails and SQL parameters', () => {
    const { lines, stream } = capture();
    createLogger(stream).info(
      {
        email: EMAIL,
        password: 'secret',
        user: { email: EMAIL, passwordHash: HASH },
        parameters: [EMAIL, HASH],
        headers: { authorization: 'Bearer abc.def' },
      },
      'x',
    );
    const text = lines.join('');
    for (const leak of [EMAIL, HASH, 'secret', 'abc.def']) expect(text).not.toContain(leak);
    expect(JSON.parse(text)).toMatchObject({ service: 'api', msg: 'x', email: '[redacted]' });
  });

  it('logs a failed INSERT with its SQL but without its parameters', () => {
    const { lines, stream } = capture();
    const query = 'INSERT INTO "users"("email", "password_hash") VALUES ($1, $2)';
    const error = new QueryFailedError(
      query,
      [EMAIL, HASH],
      Object.assign(new Error('duplicate key value violates unique constraint'), {
        code: '23505',
        detail: `Key (email)=(${EMAIL}) already exists.`,
      }),
    );
    new RedactingTypeOrmLogger(createLogger(stream)).logQueryError(error, query, [EMAIL, HASH]);
    const text = lines.join('');
    expect(text).toContain('INSERT INTO');
    expect(text).toContain('"parameterCount":2');
    for (const leak of [EMAIL, HASH]) expect(text).not.toContain(leak);
    expect(errorForLog(error)).not.toHaveProperty('parameters');
  });
});
