import { describe, expect, it } from 'vitest';
import { limitState, textLength } from './char-limit.js';

describe('length limits', () => {
  it.each([
    [0, 500, 'ok'],
    [449, 500, 'ok'],
    [450, 500, 'near'],
    [500, 500, 'near'],
    [501, 500, 'over'],
    [72, 80, 'near'],
    [71, 80, 'ok'],
  ] as const)('%i of %i characters is %s', (length, max, expected) => {
    expect(limitState(length, max)).toBe(expected);
  });

  it('counts characters as a reader does (as the API’s MaxLength does), not UTF-16 units', () => {
    expect(textLength('主力受伤')).toBe(4);
    expect(textLength('𠮷野家🏀')).toBe(4);
    expect('𠮷野家🏀'.length).toBe(6);
  });
});
