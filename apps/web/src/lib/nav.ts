import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';
import type { MessageKey } from './i18n/index.js';

export type NavItem = { href: ResolvedPathname; label: MessageKey; audience: 'everyone' | 'signed-in' | 'organizer' };

/** The main navigation; each feature adds its entry here. */
export const NAV_ITEMS: NavItem[] = [
  { href: resolve('/'), label: 'nav.home', audience: 'everyone' },
  { href: resolve('/rally/shandong-peninsula-rally-2023'), label: 'nav.rally', audience: 'everyone' },
  { href: resolve('/events/cba-summer-league-2023/schedule'), label: 'competition.nav', audience: 'everyone' },
  { href: resolve('/teams/mine'), label: 'registration.nav.teams', audience: 'signed-in' },
  { href: resolve('/me'), label: 'registration.nav.me', audience: 'signed-in' },
  { href: resolve('/organizer'), label: 'registration.nav.organizer', audience: 'organizer' },
  { href: resolve('/impact'), label: 'impact.nav', audience: 'everyone' },
];
