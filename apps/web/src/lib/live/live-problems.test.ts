import type { LiveRefusalCode } from '@sailcourt/domain';
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/index.js';
import { liveProblemKey } from './live-problems.js';

/** Every refusal of the live-scoring rules; the type makes this list fail to compile when one is added. */
const REFUSALS: Record<LiveRefusalCode, true> = {
  'not-live': true,
  'already-started': true,
  'invalid-points': true,
  'unknown-target': true,
  'not-undoable': true,
  'level-score': true,
};
const API_ONLY = [
  'live.postponed',
  'scorer-link.unknown',
  'scorer-link.other-game',
  'scorer-link.revoked',
  'scorer-link.expired',
];

describe('liveProblemKey', () => {
  it('words every live refusal and scorer-link problem in its own sentence, in Chinese without English and in English', () => {
    const codes = [...Object.keys(REFUSALS).map((code) => `live.${code}`), ...API_ONLY];
    const keys = codes.map(liveProblemKey);
    expect(keys).not.toContain('score.problem.other');
    expect(new Set(keys).size).toBe(codes.length);
    for (const key of keys) {
      expect(translate('zh-CN', key)).toMatch(/[\u4e00-\u9fff]/);
      expect(translate('zh-CN', key)).not.toMatch(/[A-Za-z]{2,}/);
      expect(translate('en', key)).toMatch(/^[\x20-\x7e’]+$/);
    }
  });

  it('says only that the server did not apply it for other or missing codes, never an English detail', () => {
    for (const code of [
      undefined,
      null,
      '',
      'validation.invalid',
      'server.error',
      'registration.withdrawal-needs-approval',
      'live.something-new',
    ]) {
      expect(liveProblemKey(code)).toBe('score.problem.other');
    }
    expect(translate('zh-CN', 'score.problem.other')).toBe('服务器未能执行这个操作。');
  });
});
