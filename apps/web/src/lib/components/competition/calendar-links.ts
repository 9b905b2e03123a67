/**
 * The ways to add a feed to a calendar: the https file (any device), webcal:// (subscribes on iOS and desktop
 * apps), and Google's and Outlook's "add by URL" pages (Android has no webcal handler). Every link carries the
 * reader's language, so the feed's texts and name follow it.
 */
export type CalendarLinks = { https: string; webcal: string; google: string; outlook: string };

export function calendarLinks(origin: string, path: string, lang: string, name: string): CalendarLinks {
  const https = `${origin}${path}?lang=${encodeURIComponent(lang)}`;
  const webcal = https.replace(/^https?:\/\//, 'webcal://');
  return {
    https,
    webcal,
    google: `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}`,
    outlook: `https://outlook.live.com/calendar/0/addfromweb?url=${encodeURIComponent(https)}&name=${encodeURIComponent(name)}`,
  };
}
