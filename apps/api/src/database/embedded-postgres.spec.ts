import { describe, expect, it } from 'vitest';
import { assertTraversableForPostgres, EmbeddedPostgresError, untraversableAncestor } from './embedded-postgres.js';

/** Folder modes as `ls -ld` shows them on a fresh Debian: /root is 700, the rest 755. */
const modes: Record<string, number> = {
  '/': 0o755,
  '/root': 0o700,
  '/root/sailcourt': 0o755,
  '/srv': 0o755,
  '/srv/sailcourt': 0o755,
  '/home/ann': 0o750,
};
const modeOf = (path: string) => modes[path] ?? 0o755;

describe('untraversableAncestor', () => {
  it.each([
    ['/root/sailcourt/.data/postgres', '/root'],
    ['/home/ann/sailcourt/.data', '/home/ann'],
    ['/srv/sailcourt/.data/postgres', null],
    ['/root', null], // the folder itself need not be traversable, only the way to it
  ])('on the way to %s: %s', (path, blocked) => {
    expect(untraversableAncestor(path, modeOf)).toBe(blocked);
  });
});

describe('assertTraversableForPostgres', () => {
  it('does nothing when not root', () => {
    expect(() => assertTraversableForPostgres('/root/x/.data/postgres', false)).not.toThrow();
  });

  it('explains what to do when root cannot hand the data to the postgres user', () => {
    // This machine's own /root (700 on Debian), through the real file modes.
    const blocked = untraversableAncestor('/root/anything');
    if (blocked === null) return; // a machine whose /root others may enter has nothing to report
    expect(() => assertTraversableForPostgres('/root/anything/.data/postgres', true)).toThrow(EmbeddedPostgresError);
    expect(() => assertTraversableForPostgres('/root/anything/.data/postgres', true)).toThrow(
      /cannot enter \/root.*chmod o\+x \/root/s,
    );
  });
});
