import { describe, expect, it } from 'vitest';
import { calendarLinks } from './calendar-links.js';

describe('calendar links', () => {
  const links = calendarLinks('https://sailcourt.example', '/teams/42/calendar.ics', 'en', 'Guangdong: games');

  it('offers the https file and a webcal subscription of the same feed, in the reader’s language', () => {
    expect(links.https).toBe('https://sailcourt.example/teams/42/calendar.ics?lang=en');
    expect(links.webcal).toBe('webcal://sailcourt.example/teams/42/calendar.ics?lang=en');
  });

  it('adds to Google Calendar by the webcal address and to Outlook by the https one, named', () => {
    expect(new URL(links.google).searchParams.get('cid')).toBe(links.webcal);
    const outlook = new URL(links.outlook);
    expect(outlook.host).toBe('outlook.live.com');
    expect(outlook.searchParams.get('url')).toBe(links.https);
    expect(outlook.searchParams.get('name')).toBe('Guangdong: games');
  });

  it('turns a plain-http origin (local runs) into webcal too', () => {
    expect(calendarLinks('http://localhost:3000', '/events/1/calendar.ics', 'zh-CN', 'x').webcal).toBe(
      'webcal://localhost:3000/events/1/calendar.ics?lang=zh-CN',
    );
  });
});
