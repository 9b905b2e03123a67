/**
 * A link's query that keeps the page's other choices: a copy of `search` with `changes` applied (a string sets
 * the key, null removes it), as "?a=1&b=2", or "" when nothing is left. A pure function, so components can build
 * links from `page.url.searchParams` without holding a mutable (non-reactive) URLSearchParams.
 */
export function queryWith(search: URLSearchParams, changes: Readonly<Record<string, string | null>>): string {
  const query = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) query.delete(key);
    else query.set(key, value);
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}
