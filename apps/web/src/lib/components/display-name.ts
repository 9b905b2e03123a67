/**
 * An account's display name for readers. The API's bootstrap organizer account is named 'Organizer' (English);
 * readers see their own word for it. Other names are people's own and shown as they are.
 */
export const BOOTSTRAP_ORGANIZER_NAME = 'Organizer';

export function displayName(
  name: string | null | undefined,
  role: string | null | undefined,
  organizerWord: string,
): string {
  if (role === 'organizer' && name === BOOTSTRAP_ORGANIZER_NAME) return organizerWord;
  return name ?? '';
}
