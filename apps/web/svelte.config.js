import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build' }),
    // Links go through `resolve()` (typed routes); absolute paths keep server-rendered hrefs as they were ("/events/…").
    paths: { relative: false },
    // Form actions check the Origin header (CSRF); ORIGIN must be set behind a proxy.
    csrf: { trustedOrigins: [] },
    // SvelteKit adds a nonce for its own inline script to every server-rendered page. frame-ancestors
    // depends on the path (only /embed/… may be framed), so hooks.server.ts appends it.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
      },
    },
  },
};
