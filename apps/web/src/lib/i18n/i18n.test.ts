import { describe, expect, it } from 'vitest';
import {
  formatDateRange,
  formatDateTime,
  formatYuan,
  isLocale,
  type Locale,
  type MessageKey,
  pickName,
  translate,
  translateDynamic,
} from './index.js';
import { messages } from './messages/index.js';
import type { Text } from './types.js';

const templates = (text: Text): string[] => (typeof text === 'string' ? [text] : Object.values(text));
/** `{name}` and counted `{name|unit.key}` placeholders: a placeholder's name, and the unit that counts it. */
const PLACEHOLDER = /\{(\w+)(?:\|([\w.]+))?\}/g;
const placeholders = (text: Text): string[] =>
  [...new Set(templates(text).flatMap((s) => [...s.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '')))].sort();

describe('i18n', () => {
  it('has a Chinese and an English text for every key, none left empty', () => {
    for (const texts of Object.values(messages)) {
      for (const template of [...templates(texts['zh-CN']), ...templates(texts.en)])
        expect(template.trim()).not.toBe('');
    }
  });

  it('gives both languages the same placeholders for every key', () => {
    const mismatched = Object.entries(messages).filter(([, texts]) => {
      // A plural form may leave the number out ("Saving replaces the existing game."); the other forms must not.
      const en = typeof texts.en === 'string' ? placeholders(texts.en) : placeholders(texts.en.other);
      return placeholders(texts['zh-CN']).join() !== en.join();
    });
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it('gives every plural text an `other` form, and plurals only where a {count} decides', () => {
    for (const [key, texts] of Object.entries(messages)) {
      for (const text of [texts['zh-CN'], texts.en]) {
        if (typeof text === 'string') continue;
        expect(text.other, key).toBeTruthy();
        expect(placeholders(text), key).toContain('count');
      }
    }
  });

  it('leaves no English count outside a plural text ("1 games", "point(s)")', () => {
    // A placeholder followed by a plural noun in a plain string reads "1 games" for one; such texts must be plurals.
    // The nouns this site counts; a new one belongs here too.
    // Placeholders that hold a name or a range ("8–12") are not counts.
    const countedNoun =
      /\{(?!boat\b|limits\b)\w+\}\s+(?:[a-z]+\s+)?(?:actions|admissions|assignments|characters|days|games|groups|legs|lines|minutes|nights|people|persons|places|players|points|positions|problems|pts|referees|rows|seats|teams|visits)\b|\(s\)/;
    // Known exceptions: the console picks `score.waiting.one` for one (live.e2e reads the pair); charCount's
    // noun follows {max}, a field's limit, never one.
    const exceptions = new Set(['score.waiting.other', 'common.charCount']);
    const plain = Object.entries(messages).filter(
      ([key, texts]) => !exceptions.has(key) && typeof texts.en === 'string' && countedNoun.test(texts.en),
    );
    expect(plain.map(([key, texts]) => `${key}: ${String(texts.en)}`)).toEqual([]);
  });

  it.each<[string, number, string]>([
    ['import.problems', 1, '1 problem: fix it below, then import.'],
    ['import.rows', 1, '1 row'],
    ['officials.board.unassigned', 1, '1 game still needs officials'],
    ['officials.board.unassigned', 2, '2 games still need officials'],
    ['impact.unit.nights', 1, '1 night'],
    ['impact.unit.nights', 2.5, '2.5 nights'],
  ])('pluralizes %s for %d in English', (key, count, expected) => {
    expect(translateDynamic('en', key as MessageKey, { count })).toBe(expected);
  });

  it('counts each number of a text with several by its own plural ({name|unit.key})', () => {
    expect(translate('en', 'import.done', { created: 1, updated: 2, people: 12 })).toBe(
      'Imported: 1 team created, 2 updated, 12 people',
    );
    expect(translate('en', 'import.done', { created: 3, updated: 0, people: 1 })).toBe(
      'Imported: 3 teams created, 0 updated, 1 person',
    );
    expect(translate('zh-CN', 'import.done', { created: 1, updated: 2, people: 12 })).toBe(
      '已导入:新建 1 队,更新 2 队,共 12 人',
    );
    expect(translate('en', 'officials.clash.travel', { official: 'Li', game: 'G1', buffer: 1 })).toContain(
      'less than 1 minute apart',
    );
  });

  it('counts placeholders only with plural messages that take {count}', () => {
    const units = Object.values(messages).flatMap((texts) =>
      [...templates(texts['zh-CN']), ...templates(texts.en)].flatMap((s) =>
        [...s.matchAll(PLACEHOLDER)].flatMap((m) => (m[2] ? [m[2]] : [])),
      ),
    );
    expect(units.length).toBeGreaterThan(0);
    for (const unit of new Set(units)) {
      expect(unit in messages, unit).toBe(true);
      expect(placeholders(messages[unit as MessageKey].en), unit).toEqual(['count']);
    }
  });

  it.each<[Locale, number, string]>([
    ['en', 1, '1 game'],
    ['en', 0, '0 games'],
    ['en', 2, '2 games'],
    ['en', 1234, '1,234 games'],
    ['zh-CN', 1, '共 1 场比赛'],
    ['zh-CN', 2, '共 2 场比赛'],
  ])('pluralizes by the language’s rules (%s, %d)', (locale, count, expected) => {
    const formatted = new Intl.NumberFormat(locale).format(count);
    expect(translate(locale, 'competition.event.gamesCount', { count: formatted })).toBe(expected);
    expect(translate(locale, 'competition.event.gamesCount', { count })).toBe(
      expected.replace(formatted, String(count)),
    );
  });

  it('pluralizes people and registrations in English and leaves Chinese as it is', () => {
    expect(translate('en', 'unit.people', { count: 1 })).toBe('1 person');
    expect(translate('en', 'unit.people', { count: 6000 })).toBe('6000 people');
    expect(translate('en', 'registration.teams.activeRegistrations', { count: 1 })).toBe('1 active registration');
    expect(translate('zh-CN', 'registration.teams.activeRegistrations', { count: 1 })).toBe('有效报名 1 项');
  });

  it('puts a space between date and time in both languages', () => {
    expect(formatDateTime('en', '2023-08-14T20:00:00+08:00')).toBe('Aug 14 20:00');
    expect(formatDateTime('zh-CN', '2023-07-13T17:00:00+08:00')).toBe('7月13日 17:00');
  });

  it('fills parameters and leaves unknown ones visible', () => {
    expect(translate('zh-CN', 'rally.leg', { number: 3 })).toBe('第 3 赛段');
    expect(translate('en', 'rally.leg', { number: 3 })).toBe('Leg 3');
    expect(translateDynamic('en', 'rally.leg')).toBe('Leg {number}');
  });

  it('shows the English name only in English, falling back to the published Chinese one', () => {
    expect(pickName('en', '国信体育馆', 'Guoxin Gymnasium')).toBe('Guoxin Gymnasium');
    expect(pickName('zh-CN', '国信体育馆', 'Guoxin Gymnasium')).toBe('国信体育馆');
    expect(pickName('en', '国信体育馆', null)).toBe('国信体育馆');
  });

  it('writes money in each reader’s units', () => {
    expect(formatYuan('zh-CN', 200_000_000)).toBe('2亿元');
    expect(formatYuan('en', 200_000_000)).toBe('200M yuan');
  });

  it('writes date ranges in Qingdao time', () => {
    expect(formatDateRange('en', '2023-07-10', '2023-08-25')).toBe('Jul 10 – Aug 25, 2023');
    expect(formatDateRange('zh-CN', '2023-07-10', '2023-08-25')).toBe('7月10日 – 2023年8月25日');
  });

  it('accepts only the supported locales', () => {
    expect(isLocale('en')).toBe(true);
    expect(isLocale('zh-CN')).toBe(true);
    expect(isLocale('fr')).toBe(false);
  });
});
