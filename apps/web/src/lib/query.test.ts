import { describe, expect, it } from 'vitest';
import { queryWith } from './query.js';

describe('queryWith', () => {
  it('keeps the other keys, sets and removes the changed ones, in their original order', () => {
    const search = new URLSearchParams('lang=en&leg=2&saved=1&view=time');
    expect(queryWith(search, { saved: null, leg: '3' })).toBe('?lang=en&leg=3&view=time');
    expect(search.toString()).toBe('lang=en&leg=2&saved=1&view=time');
  });

  it('adds new keys at the end and encodes values', () => {
    expect(queryWith(new URLSearchParams(), { division: 'U10-girls', team: 'a b/c' })).toBe(
      '?division=U10-girls&team=a+b%2Fc',
    );
  });

  it('gives an empty string when nothing is left', () => {
    expect(queryWith(new URLSearchParams('saved=1'), { saved: null })).toBe('');
    expect(queryWith(new URLSearchParams(), {})).toBe('');
  });
});
