import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// The generator is plain JavaScript shared with scripts/cluster.mjs.
// @ts-expect-error -- an .mjs module without type declarations
import { renderNginxConfig } from '../../scripts/cluster/nginx-config.mjs';
// @ts-expect-error -- an .mjs module without type declarations
import { clusterSettings } from '../../scripts/cluster/settings.mjs';

type Settings = {
  edge: unknown;
  api: { name: string }[];
  web: unknown;
  signinRate: string;
  signupRate: string;
  ports: [string, number][];
};
const settings = clusterSettings({}, '/repo') as Settings;
const render = (prefix: string) =>
  renderNginxConfig({
    prefix,
    edge: settings.edge,
    api: settings.api,
    web: settings.web,
    signinRate: settings.signinRate,
    signupRate: settings.signupRate,
    workerUser: null,
  }) as string;

describe("the edge's generated nginx.conf", () => {
  const conf = render('/tmp/edge');

  it('has documented default ports, all distinct', () => {
    expect(Object.fromEntries(settings.ports)).toMatchObject({
      EDGE_PORT: 8080,
      EDGE_INTERNAL_PORT: 8081,
      'API_PORT+0': 4001,
      'API_PORT+1': 4002,
      'WEB_PORT+0': 4011,
      'WEB_PORT+1': 4012,
      PG_PORT: 54330,
    });
    expect(() => clusterSettings({ API_PORT: '4011' }, '/repo')).toThrow(/both 4011/);
    expect(() => clusterSettings({ EDGE_PORT: 'x' }, '/repo')).toThrow(/EDGE_PORT/);
  });

  it('balances /api and /, retries idempotent requests, and never routes /api/metrics publicly', () => {
    expect(conf).toMatch(/upstream sailcourt_api \{\s+server 127\.0\.0\.1:4001[^;]*;\s+server 127\.0\.0\.1:4002/);
    expect(conf).toMatch(/upstream sailcourt_web \{\s+server 127\.0\.0\.1:4011[^;]*;\s+server 127\.0\.0\.1:4012/);
    expect(conf).toContain('proxy_next_upstream error timeout http_502 http_503 http_504;');
    expect(conf).not.toMatch(/non_idempotent/);
    expect(conf).toContain('location ^~ /api/metrics { return 404; }');
    const publicServer = conf.slice(conf.indexOf('listen 127.0.0.1:8080'), conf.indexOf('listen 127.0.0.1:8081'));
    expect(publicServer).not.toMatch(/:946\d/);
  });

  it('overwrites the client address headers, limits sign-in/sign-up, streams SSE unbuffered, compresses', () => {
    expect(conf).toContain('proxy_set_header X-Forwarded-For $remote_addr;');
    expect(conf).toContain('proxy_set_header X-Real-IP $remote_addr;');
    expect(conf).toMatch(/location = \/api\/auth\/login \{ limit_req zone=signin/);
    expect(conf).toMatch(/location = \/api\/auth\/signup \{ limit_req zone=signup/);
    expect(conf).toMatch(
      /location ~ \^\/api\/\(\(events\|matches\)\/\[\^\/\]\+\|rallies\/\[\^\/\]\+\/tracking\)\/live\$ \{\s+proxy_buffering off;/,
    );
    expect(conf).toMatch(/gzip on;/);
    expect(conf).not.toMatch(/gzip_types[^;]*event-stream/);
  });

  it.runIf(existsSync('/usr/sbin/nginx'))('is accepted by nginx -t', () => {
    const prefix = mkdtempSync(join(tmpdir(), 'sailcourt-nginx-'));
    try {
      for (const temp of ['client', 'proxy', 'fastcgi', 'uwsgi', 'scgi'])
        mkdirSync(join(prefix, 'temp', temp), { recursive: true });
      writeFileSync(join(prefix, 'nginx.conf'), render(prefix));
      const result = spawnSync(
        '/usr/sbin/nginx',
        ['-t', '-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log')],
        { encoding: 'utf8' },
      );
      expect(result.status, result.stderr).toBe(0);
    } finally {
      rmSync(prefix, { recursive: true, force: true });
    }
  });
});
