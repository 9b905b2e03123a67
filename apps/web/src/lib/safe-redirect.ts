/**
 * Where a `?next=` or `redirectTo` may send the reader after a form: only a path of this site.
 * The target is parsed as the browser will parse it (WHATWG URL, against the site's origin), so
 * `/\evil.example`, `/<TAB>/evil.example` and `/x/..//evil.example` are seen for what they are.
 */
export function sameOriginPath(target: string | null | undefined, origin: URL | string, fallback = '/'): string {
  if (!target) return fallback;
  const site = new URL(origin);
  let url: URL;
  try {
    url = new URL(target, site);
  } catch {
    return fallback;
  }
  if (url.origin !== site.origin || url.username || url.password) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A Location that starts with two slashes (or a backslash) is protocol-relative: another host.
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback;
  return path;
}
