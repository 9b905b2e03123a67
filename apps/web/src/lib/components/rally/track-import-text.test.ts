import { describe, expect, it } from 'vitest';
import { type MessageKey, translateDynamic } from '../../i18n/index.js';
import { fileProblemText, readingNotes, rowProblemText } from './track-import-text.js';

const zh = (key: MessageKey, params?: Record<string, string | number>) => translateDynamic('zh-CN', key, params);
const en = (key: MessageKey, params?: Record<string, string | number>) => translateDynamic('en', key, params);

describe('track file texts', () => {
  it('words file problems by code, and any other refusal without the API’s English', () => {
    expect(fileProblemText(zh, 'track-file.broken-xml')).toBe('不是有效的 GPX 文件:XML 结构有误。');
    expect(fileProblemText(en, 'track-file.no-points')).toBe('No usable track point in the file; nothing was stored.');
    expect(fileProblemText(zh, 'validation.invalid')).toBe(zh('rally.import.problem.other'));
    expect(fileProblemText(zh, null)).toBe(zh('rally.import.problem.other'));
  });

  it('names the line of a refused value and what is wrong, the missing column in the reader’s words', () => {
    expect(rowProblemText(zh, { field: '4.lat', code: 'track.latitude' })).toBe('#4: 纬度须在 -90 至 90 之间');
    expect(rowProblemText(en, { field: '12.time', code: 'track.outside-rally' })).toBe(
      '#12: the time is outside the rally',
    );
    expect(rowProblemText(zh, { field: 'lon', code: 'track-file.missing-column' })).toBe('标题行中没有“经度”列');
    expect(rowProblemText(en, { field: 'x', code: 'something.new' })).toBe('cannot be used');
  });

  it('lists how the file was read: encoding (CSV), the API’s notes, repeats with plurals', () => {
    expect(
      readingNotes(en, {
        format: 'csv',
        encoding: 'gb18030',
        noteCodes: ['speed-knots', 'local-time'],
        repeatedInFile: 1,
      }),
    ).toEqual([
      'Read as GB18030.',
      'Speed is read in knots.',
      'Times without a time zone were read as the rally’s local time (UTC+8).',
      '1 point repeats an instant of the file and is skipped.',
    ]);
    expect(
      readingNotes(zh, { format: 'gpx', encoding: 'utf-8', noteCodes: ['route-points', 'unknown'], repeatedInFile: 0 }),
    ).toEqual([zh('rally.import.note.routePoints')]);
  });
});
