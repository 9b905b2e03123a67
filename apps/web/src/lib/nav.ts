import type { MessageKey } from './i18n/index.js';

export type NavItem = { href: string; label: MessageKey; audience: 'everyone' | 'signed-in' | 'organizer' };

/** The main navigation; each feature adds its entry here. */
export const NAV_ITEMS: NavItem[] = [
  { href: '/', label: 'nav.home', audience: 'everyone' },
  { href: '/rally/shandong-peninsula-rally-2023', label: 'nav.rally', audience: 'everyone' },
  { href: '/events/cba-summer-league-2023/schedule', label: 'competition.nav', audience: 'everyone' },
  { href: '/teams/mine', label: 'registration.nav.teams', audience: 'signed-in' },
  { href: '/me', label: 'registration.nav.me', audience: 'signed-in' },
  { href: '/organizer', label: 'registration.nav.organizer', audience: 'organizer' },
  { href: '/impact', label: 'impact.nav', audience: 'everyone' },
];
