import type { Locale } from '$lib/i18n';

declare global {
  namespace App {
    interface Locals {
      locale: Locale;
      /** The signed-in account, read from the httpOnly session cookie on the server only. */
      user: { id: string; email: string; role: 'organizer' | 'team_manager'; displayName: string } | null;
      accessToken: string | null;
      /** Sent to the API as X-Request-Id, so one visit can be followed through both logs. */
      requestId: string;
    }
    interface PageData {
      locale: Locale;
    }
  }
}

export {};
