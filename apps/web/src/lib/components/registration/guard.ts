import { error, redirect } from '@sveltejs/kit';

type Visitor = { locals: App.Locals; url: URL };
export type SignedInUser = NonNullable<App.Locals['user']>;

/** Pages of one's own teams and registrations: anonymous visitors go to sign in and come back here. */
export function requireUser({ locals, url }: Visitor): SignedInUser {
  if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
  return locals.user;
}

/** The organizers' pages; the API checks the role again on every call. */
export function requireOrganizer(visitor: Visitor): SignedInUser {
  const user = requireUser(visitor);
  if (user.role !== 'organizer') error(403, 'Organizers only.');
  return user;
}

/** The form field as text ('' when absent), so a rejected form can show exactly what was typed. */
export const text = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

/** Optional text: blank means "clear it". */
export const optionalText = (form: FormData, name: string): string | null => text(form, name).trim() || null;
