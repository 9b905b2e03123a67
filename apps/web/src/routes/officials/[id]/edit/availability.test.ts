import { describe, expect, it } from 'vitest';
import { formatAvailability, parseAvailability } from './availability';

describe('availability lines', () => {
  it.each([
    {
      text: '2023-07-15 08:00 – 2023-07-15 18:00',
      windows: [{ startsAt: '2023-07-15T08:00:00+08:00', endsAt: '2023-07-15T18:00:00+08:00' }],
    },
    {
      text: '2023-07-15 8:00 - 18:30\n\n2023-07-16 09:00 至 2023-07-17 12:00',
      windows: [
        { startsAt: '2023-07-15T08:00:00+08:00', endsAt: '2023-07-15T18:30:00+08:00' },
        { startsAt: '2023-07-16T09:00:00+08:00', endsAt: '2023-07-17T12:00:00+08:00' },
      ],
    },
    { text: '   ', windows: [] },
  ])('$text', ({ text, windows }) => {
    expect(parseAvailability(text)).toEqual({ ok: true, windows });
  });

  it('names the first line that is not a window', () => {
    expect(parseAvailability('2023-07-15 08:00 – 18:00\nall day Sunday')).toEqual({ ok: false, line: 2 });
  });

  it('writes stored windows back in the same form', () => {
    const text = formatAvailability([
      { startsAt: '2023-07-15T08:00:00+08:00', endsAt: '2023-07-15T18:00:00+08:00' },
      { startsAt: '2023-07-16T09:00:00+08:00', endsAt: '2023-07-17T12:00:00+08:00' },
    ]);
    expect(text).toBe('2023-07-15 08:00 – 18:00\n2023-07-16 09:00 – 2023-07-17 12:00');
    expect(parseAvailability(text)).toMatchObject({ ok: true });
  });
});
