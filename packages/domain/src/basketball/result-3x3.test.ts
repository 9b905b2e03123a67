import { describe, expect, it } from 'vitest';
import { assertFiba3x3Score, fiba3x3ScoreProblems } from './result-3x3.js';

// FIBA 3x3 Official Rules of the Game, Art. 5 (1 or 2 points a shot) and Art. 6 (21-point limit in regular time,
// overtime won by the first team to score 2). Real finals are from the FIBA 3x3 World Cup 2018 pool games of
// 11 June 2018 (ESPN5 "Day 4 wrap-up") and the 2019 FIBA 3x3 U23 World Cup, men's Pool A table (an Argentina game won 18–17 in overtime).
describe('fiba3x3ScoreProblems', () => {
  const possible: [string, number, number, boolean][] = [
    ['early win at 21 (Serbia 21–12 Romania, 2018)', 21, 12, false],
    ['early win at 22 from a 2-pointer at 20 (Canada 22–4 Brazil, 2018)', 22, 4, false],
    ['early win at 22 (USA 22–12 Uganda, 2018)', 12, 22, false],
    ['win at the end of regular time (Italy 19–5 Indonesia, 2018)', 19, 5, false],
    ['one-point overtime win, 1–0 in overtime from 17–17 (Argentina 18–17 OT, U23 2019)', 18, 17, true],
    ['2–0 overtime from 20–20', 22, 20, true],
    ['3–1 overtime (1 then a 2-pointer) from 20–20', 23, 21, true],
    ['3–0 overtime from 0–0', 3, 0, true],
    ['2–0 overtime from 0–0', 0, 2, true],
  ];
  for (const [name, homeScore, awayScore, overtime] of possible) {
    it(`accepts ${name}`, () => {
      expect(fiba3x3ScoreProblems({ homeScore, awayScore, overtime })).toEqual([]);
      expect(() => assertFiba3x3Score({ homeScore, awayScore, overtime })).not.toThrow();
    });
  }

  const impossible: [string, number, number, boolean, string][] = [
    ['a level score', 15, 15, false, 'homeScore'],
    ['a regulation winner above 22', 23, 10, false, 'homeScore'],
    ['a regulation loser at 21 (it would have won)', 22, 21, false, 'awayScore'],
    ['a regulation winner of 30', 10, 30, false, 'awayScore'],
    ['an overtime margin of 4', 24, 20, true, 'homeScore'],
    ['an overtime margin of 5 in a low game', 5, 10, true, 'awayScore'],
    ['an overtime loser of 22 (level at 21 is no overtime)', 24, 22, true, 'awayScore'],
    [
      'an overtime margin of 3 over 21 (the loser scored 1 in overtime, so the winner scored 2)',
      24,
      21,
      true,
      'awayScore',
    ],
    ['an overtime won 1–0', 1, 0, true, 'overtime'],
  ];
  for (const [name, homeScore, awayScore, overtime, field] of impossible) {
    it(`refuses ${name}, naming ${field}`, () => {
      const problems = fiba3x3ScoreProblems({ homeScore, awayScore, overtime });
      expect(problems.map((p) => p.field)).toContain(field);
      expect(() => assertFiba3x3Score({ homeScore, awayScore, overtime })).toThrow();
    });
  }

  it('every regulation score up to 22 with the loser at 20 or less is possible; nothing above', () => {
    for (let w = 1; w <= 30; w += 1) {
      for (let l = 0; l < w; l += 1) {
        const ok = fiba3x3ScoreProblems({ homeScore: w, awayScore: l, overtime: false }).length === 0;
        expect(ok, `${w}-${l}`).toBe(w <= 22 && l <= 20);
      }
    }
  });

  it('refuses negative or fractional input outright', () => {
    expect(() => fiba3x3ScoreProblems({ homeScore: -1, awayScore: 3, overtime: false })).toThrow();
    expect(() => fiba3x3ScoreProblems({ homeScore: 1.5, awayScore: 3, overtime: false })).toThrow();
  });
});
