import type { MessageKey } from '$lib/i18n';

/** The rally's boat class and rules as stored (English, as the organizers published them), named in the reader's language. */
export const RALLY_TEXTS: Record<string, MessageKey> = {
  'Beneteau First 40 (one-design)': 'rally.text.boatClass',
  'World Sailing Offshore Special Regulations Category 3; RRS Appendix A low point': 'rally.text.rules',
};
