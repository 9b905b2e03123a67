import { describe, expect, it } from 'vitest';
import { formatDateRange, formatYuan, isLocale, pickName, translate } from './index.js';
import { messages } from './messages/index.js';

describe('i18n', () => {
  it('has a Chinese and an English text for every key, none left empty', () => {
    for (const texts of Object.values(messages)) {
      expect(texts['zh-CN'].trim()).not.toBe('');
      expect(texts.en.trim()).not.toBe('');
    }
  });

  it('fills parameters and leaves unknown ones visible', () => {
    expect(translate('zh-CN', 'rally.leg', { number: 3 })).toBe('第 3 赛段');
    expect(translate('en', 'rally.leg', { number: 3 })).toBe('Leg 3');
    expect(translate('en', 'rally.leg')).toBe('Leg {number}');
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
