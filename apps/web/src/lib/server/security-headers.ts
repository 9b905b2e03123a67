/**
 * Response headers every page gets. Only `/embed/…` pages may be framed, by the origins in
 * EMBED_FRAME_ANCESTORS (`*` by default: an embed is meant for other sites); every other page,
 * the organizer's above all, refuses to be framed (clickjacking).
 */
export type SecurityHeaderOptions = {
  /** The request reached us over TLS (directly or through a proxy that said so): HSTS is meaningful. */
  https: boolean;
  /** Space- or comma-separated CSP sources allowed to frame `/embed/…`, e.g. `https://news.example 'self'`. */
  embedFrameAncestors: string;
};

export const isEmbedPath = (pathname: string): boolean => pathname === '/embed' || pathname.startsWith('/embed/');

const SOURCE = /^(\*|'self'|'none'|https?:\/\/[\w.*-]+(:\d+)?|[\w.*-]+(:\d+)?)$/;

/** A CSP source list from the env variable; one token that is not a plain source (a `;` …) and nobody may frame. */
export function frameAncestorSources(list: string): string {
  const sources = list.split(/[\s,]+/).filter(Boolean);
  return sources.length > 0 && sources.every((s) => SOURCE.test(s)) ? sources.join(' ') : "'none'";
}

export function securityHeaders(pathname: string, options: SecurityHeaderOptions): Record<string, string> {
  const embed = isEmbedPath(pathname);
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(embed ? {} : { 'X-Frame-Options': 'DENY' }),
    ...(options.https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
    'x-frame-ancestors': embed ? frameAncestorSources(options.embedFrameAncestors) : "'none'",
  };
}

/**
 * SvelteKit writes the page's CSP (with its nonces) from `kit.csp`; `frame-ancestors` depends on the
 * path, so it is appended here to that same policy.
 */
export function withFrameAncestors(policy: string | null, sources: string): string {
  const base = (policy ?? '')
    .replace(/;?\s*frame-ancestors[^;]*/g, '')
    .trim()
    .replace(/;$/, '');
  return `${base ? `${base}; ` : ''}frame-ancestors ${sources}`;
}

/**
 * Live scores stream straight from the API, which may sit on another origin (locally another
 * port): the page's `connect-src` names it too.
 */
export function withConnectSource(policy: string | null, origin: string | null): string | null {
  if (!policy || !origin) return policy;
  return policy.replace(/connect-src ([^;]*)/, (directive, sources: string) =>
    sources.split(' ').includes(origin) ? directive : `connect-src ${sources} ${origin}`,
  );
}
