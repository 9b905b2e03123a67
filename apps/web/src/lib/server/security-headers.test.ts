import { describe, expect, it } from 'vitest';
import { frameAncestorSources, isEmbedPath, securityHeaders, withFrameAncestors } from './security-headers.js';

const plain = { https: false, embedFrameAncestors: '*' };

describe('securityHeaders', () => {
  it.each(['/', '/organizer', '/organizer/events/x', '/events/x/manage', '/login', '/embedded', '/api/embed/x'])(
    'refuses framing of %s',
    (path) => {
      const headers = securityHeaders(path, plain);
      expect(headers['X-Frame-Options']).toBe('DENY');
      expect(headers['x-frame-ancestors']).toBe("'none'");
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
      expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    },
  );

  it.each(['/embed', '/embed/events/x/schedule', '/embed/matches/y'])('lets the allow-list frame %s', (path) => {
    expect(isEmbedPath(path)).toBe(true);
    const headers = securityHeaders(path, {
      https: false,
      embedFrameAncestors: 'https://news.example, https://*.qingdao.example',
    });
    expect(headers['X-Frame-Options']).toBeUndefined();
    expect(headers['x-frame-ancestors']).toBe('https://news.example https://*.qingdao.example');
    expect(securityHeaders(path, plain)['x-frame-ancestors']).toBe('*');
  });

  it('sends HSTS only over TLS', () => {
    expect(securityHeaders('/', plain)['Strict-Transport-Security']).toBeUndefined();
    expect(securityHeaders('/', { ...plain, https: true })['Strict-Transport-Security']).toMatch(/^max-age=\d+/);
  });

  it('drops anything that is not a CSP source from the allow-list', () => {
    expect(frameAncestorSources("https://ok.example; script-src 'unsafe-inline'")).toBe("'none'");
    expect(frameAncestorSources("'self' https://ok.example")).toBe("'self' https://ok.example");
  });

  it('adds frame-ancestors to SvelteKit’s policy, replacing any earlier one', () => {
    expect(withFrameAncestors("default-src 'self'; script-src 'self' 'nonce-abc'", "'none'")).toBe(
      "default-src 'self'; script-src 'self' 'nonce-abc'; frame-ancestors 'none'",
    );
    expect(withFrameAncestors("default-src 'self'; frame-ancestors *", "'none'")).toBe(
      "default-src 'self'; frame-ancestors 'none'",
    );
    expect(withFrameAncestors(null, '*')).toBe('frame-ancestors *');
  });
});
