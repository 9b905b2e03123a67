import { describe, expect, it } from 'vitest';
import { sameOriginPath } from './safe-redirect.js';

const ORIGIN = 'https://sailcourt.example';

describe('sameOriginPath', () => {
  it.each([
    ['/teams/mine', '/teams/mine'],
    ['/events/x/schedule?team=a#today', '/events/x/schedule?team=a#today'],
    [`${ORIGIN}/organizer`, '/organizer'],
    ['/a/../b', '/b'],
  ])('keeps the same-origin path %s', (target, expected) => {
    expect(sameOriginPath(target, ORIGIN, '/home')).toBe(expected);
  });

  it.each([
    // The outside probe's payloads (issue 11), as they arrive after the query string is decoded.
    '/\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '//evil.example',
    '///evil.example',
    '/x/..//evil.example',
    '\\\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    'data:text/html,hi',
    `https://user:pass@${ORIGIN.slice(8)}/`,
    'http://sailcourt.example/',
    '',
    null,
  ])('falls back for %j', (target) => {
    expect(sameOriginPath(target, ORIGIN, '/home')).toBe('/home');
  });
});
