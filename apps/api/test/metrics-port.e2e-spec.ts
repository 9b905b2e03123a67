import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMetricsServer } from '../src/common/metrics-server.js';
import { closeServer } from '../src/common/waiting-server.js';
import { expectProblem } from './support/problem.js';
import { useTestApp } from './support/test-app.js';

const t = useTestApp({ METRICS_PORT: '9' }); // any port: only "is one configured" matters to the app
let metrics: Server;
beforeAll(async () => {
  metrics = await startMetricsServer(0, '127.0.0.1');
});
afterAll(async () => {
  await closeServer(metrics);
});

describe('metrics on an internal port', () => {
  it('are not served on the public API port when METRICS_PORT is set', async () => {
    expectProblem(await t.http.get('/api/metrics'), 404);
  });

  it('are served by the internal listener, counting the API requests', async () => {
    await t.http.get('/api/seasons').expect(200);
    const url = `http://127.0.0.1:${(metrics.address() as AddressInfo).port}`;
    const res = await fetch(`${url}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(
      /sailcourt_http_requests_total\{method="GET",route="\/api\/seasons",status="200"\}/,
    );
    expect((await fetch(`${url}/api/metrics`)).status).toBe(200);
    expect((await fetch(`${url}/anything-else`)).status).toBe(404);
    // Liveness is answered here too, before the API port opens (see main.ts).
    expect((await fetch(`${url}/api/health/live`)).status).toBe(200);
  });
});
