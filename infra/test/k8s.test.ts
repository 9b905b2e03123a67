import { describe, expect, it } from 'vitest';
import { build, type K8sObject, overlayDir } from './support/kustomize.js';
import { validateObjects } from './support/validate-k8s.js';

type Probe = { httpGet?: { path?: string; port?: string | number } };
type EnvVar = { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } };
type Container = {
  name: string;
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
};
type IngressPath = { path: string; backend: { service: { name: string; port: { name?: string; number?: number } } } };

const find = (objects: K8sObject[], kind: string, name: string) => {
  const object = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!object) throw new Error(`${kind}/${name} is missing`);
  return object as K8sObject & { spec: Record<string, unknown> };
};
const containers = (deployment: K8sObject) =>
  (deployment.spec as { template: { spec: { containers: Container[] } } }).template.spec.containers;
const env = (container: Container, name: string) => container.env?.find((e) => e.name === name);
const ingressPaths = (objects: K8sObject[]) =>
  objects
    .filter((o) => o.kind === 'Ingress')
    .flatMap((o) => (o.spec as { rules: { http: { paths: IngressPath[] } }[] }).rules.flatMap((r) => r.http.paths));

describe.each(['dev', 'prod'])('the %s overlay', (overlay) => {
  const objects = build(overlayDir(overlay));

  it('renders objects that all validate against the Kubernetes and CloudNativePG schemas', async () => {
    expect(objects.length).toBeGreaterThan(10);
    expect(await validateObjects(objects)).toEqual([]);
  });

  it('puts every namespaced object in its namespace and defines no Secret (secrets are referenced)', () => {
    const namespace = find(objects, 'Namespace', overlay === 'prod' ? 'sailcourt' : 'sailcourt-dev').metadata.name;
    for (const object of objects.filter((o) => o.kind !== 'Namespace'))
      expect(object.metadata.namespace, object.metadata.name).toBe(namespace);
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    for (const container of ['api', 'web'].flatMap((name) => containers(find(objects, 'Deployment', name)))) {
      for (const variable of container.env ?? []) {
        if (/SECRET|PASSWORD/.test(variable.name))
          expect(variable.valueFrom?.secretKeyRef, variable.name).toBeDefined();
      }
    }
  });

  it('runs at least 2 API pods with an HPA and a PodDisruptionBudget', () => {
    const api = find(objects, 'Deployment', 'api');
    expect(api.spec.replicas as number).toBeGreaterThanOrEqual(2);
    const hpa = find(objects, 'HorizontalPodAutoscaler', 'api').spec as {
      minReplicas: number;
      maxReplicas: number;
      scaleTargetRef: { kind: string; name: string };
    };
    expect(hpa.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'api' });
    expect(hpa.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.maxReplicas).toBeGreaterThan(hpa.minReplicas);
    const pdb = find(objects, 'PodDisruptionBudget', 'api').spec as {
      minAvailable: number;
      selector: { matchLabels: Record<string, string> };
    };
    expect(pdb.selector.matchLabels).toEqual(
      (api.spec.selector as { matchLabels: Record<string, string> }).matchLabels,
    );
    expect(pdb.minAvailable).toBeGreaterThanOrEqual(1);
    expect(pdb.minAvailable).toBeLessThan(hpa.minReplicas);
  });

  it('probes liveness without the database and readiness with it, on separate endpoints; every container has resources', () => {
    const [api] = containers(find(objects, 'Deployment', 'api'));
    expect(api?.livenessProbe?.httpGet?.path).toBe('/api/health/live');
    expect(api?.readinessProbe?.httpGet?.path).toBe('/api/health/ready');
    for (const container of ['api', 'web'].flatMap((name) => containers(find(objects, 'Deployment', name)))) {
      expect(container.resources?.requests?.cpu, container.name).toBeTruthy();
      expect(container.resources?.requests?.memory, container.name).toBeTruthy();
      expect(container.resources?.limits?.memory, container.name).toBeTruthy();
      expect(container.readinessProbe, container.name).toBeDefined();
    }
  });

  it('routes no public path to the metrics, and the API port does not serve them', () => {
    const [api] = containers(find(objects, 'Deployment', 'api'));
    const metricsPort = Number(env(api as Container, 'METRICS_PORT')?.value);
    expect(metricsPort).toBeGreaterThan(0);
    expect(metricsPort).not.toBe(Number(env(api as Container, 'API_PORT')?.value));
    for (const path of ingressPaths(objects)) {
      expect(path.path.startsWith('/api/metrics'), path.path).toBe(false);
      expect(path.backend.service.port.name).not.toBe('metrics');
      expect(path.backend.service.port.number).not.toBe(metricsPort);
    }
    for (const service of objects.filter((o) => o.kind === 'Service')) {
      for (const port of (service.spec as { ports: { port: number; targetPort: string | number }[] }).ports) {
        expect([port.port, port.targetPort]).not.toContain(metricsPort);
        expect(port.targetPort).not.toBe('metrics');
      }
    }
  });

  it('passes the live streams unbuffered with long reads', () => {
    const live = find(objects, 'Ingress', 'sailcourt-live');
    const annotations = live.metadata.annotations as Record<string, string>;
    expect(annotations['nginx.ingress.kubernetes.io/proxy-buffering']).toBe('off');
    expect(Number(annotations['nginx.ingress.kubernetes.io/proxy-read-timeout'])).toBeGreaterThanOrEqual(600);
    const [path] = ingressPaths([live]);
    const pattern = new RegExp(`^${path?.path}$`);
    expect(pattern.test('/api/matches/0b7c/live')).toBe(true);
    expect(pattern.test('/api/events/cba/live')).toBe(true);
    expect(pattern.test('/api/rallies/shandong-peninsula-rally-2023/tracking/live')).toBe(true);
    expect(pattern.test('/api/metrics')).toBe(false);
  });

  it('allows web → API → database only', () => {
    const policies = objects
      .filter((o) => o.kind === 'NetworkPolicy')
      .map((o) => ({
        name: o.metadata.name,
        spec: o.spec as {
          podSelector: { matchLabels?: Record<string, string> };
          policyTypes: string[];
          ingress?: { from: { podSelector?: { matchLabels: Record<string, string> } }[] }[];
          egress?: { to: { podSelector?: { matchLabels: Record<string, string> } }[] }[];
        },
      }));
    const defaultDeny = policies.find((p) => Object.keys(p.spec.podSelector.matchLabels ?? {}).length === 0);
    expect(defaultDeny?.spec.policyTypes).toContain('Ingress');
    expect(defaultDeny?.spec.ingress ?? []).toEqual([]);
    const sourcesOf = (label: string, value: string) =>
      policies
        .filter((p) => p.spec.podSelector.matchLabels?.[label] === value)
        .flatMap((p) =>
          (p.spec.ingress ?? []).flatMap((rule) =>
            rule.from.map((peer) => JSON.stringify(peer.podSelector?.matchLabels ?? 'namespace')),
          ),
        );
    const web = JSON.stringify({ 'app.kubernetes.io/name': 'web' });
    const api = JSON.stringify({ 'app.kubernetes.io/name': 'api' });
    expect(sourcesOf('cnpg.io/cluster', 'sailcourt-db')).toContain(api);
    expect(sourcesOf('cnpg.io/cluster', 'sailcourt-db')).not.toContain(web);
    expect(sourcesOf('cnpg.io/poolerName', 'sailcourt-db-pooler-rw')).toEqual([api]);
    expect(sourcesOf('app.kubernetes.io/name', 'api')).toContain(web);
    const webEgress =
      policies.find((p) => p.spec.podSelector.matchLabels?.['app.kubernetes.io/name'] === 'web')?.spec.egress ?? [];
    const webTargets = webEgress.flatMap((rule) =>
      rule.to.map((peer) => JSON.stringify(peer.podSelector?.matchLabels)),
    );
    expect(webTargets).toContain(api);
    expect(webTargets.some((t) => t.includes('cnpg'))).toBe(false);
  });

  it('queries through a transaction-mode pooler and LISTENs on the primary directly', () => {
    const cluster = find(objects, 'Cluster', 'sailcourt-db');
    const pooler = find(objects, 'Pooler', 'sailcourt-db-pooler-rw').spec as {
      cluster: { name: string };
      type: string;
      pgbouncer: { poolMode: string };
    };
    expect(pooler).toMatchObject({
      cluster: { name: cluster.metadata.name },
      type: 'rw',
      pgbouncer: { poolMode: 'transaction' },
    });
    const [api] = containers(find(objects, 'Deployment', 'api'));
    expect(env(api as Container, 'DATABASE_URL')?.value).toContain('@sailcourt-db-pooler-rw:');
    expect(env(api as Container, 'DATABASE_LISTEN_URL')?.valueFrom?.secretKeyRef).toEqual({
      name: `${cluster.metadata.name}-app`,
      key: 'uri',
    });
    if (overlay === 'prod') expect(cluster.spec.instances).toBe(3);
  });
});

describe('the validation itself', () => {
  const objects = build(overlayDir('prod'));

  it.each([
    [
      'a misspelt Deployment field',
      'Deployment',
      /Deployment\/api: .*"replica"' does not exist in type 'IDeploymentSpec'/,
      (o: K8sObject) => ((o.spec as Record<string, unknown>).replica = 3),
    ],
    [
      'a misspelt probe field',
      'Deployment',
      /"periodSecond"' does not exist in type 'IProbe'/,
      (o: K8sObject) => Object.assign(containers(o)[0]?.readinessProbe ?? {}, { periodSecond: 5 }),
    ],
    [
      'a wrong type',
      'Service',
      /Service\/api: .*port/,
      (o: K8sObject) => ((o.spec as { ports: { port: unknown }[] }).ports[0]!.port = 'http'),
    ],
    [
      'a misspelt CloudNativePG field',
      'Pooler',
      /Pooler\/sailcourt-db-pooler-rw\/spec\/pgbouncer: must NOT have additional properties .*poolmode/,
      (o: K8sObject) => ((o.spec as { pgbouncer: Record<string, unknown> }).pgbouncer.poolmode = 'session'),
    ],
    [
      'a wrong CloudNativePG value',
      'Cluster',
      /Cluster\/sailcourt-db\/spec\/instances: must be integer/,
      (o: K8sObject) => ((o.spec as Record<string, unknown>).instances = 'three'),
    ],
  ])('fails on %s', async (_what, kind, expected, breakIt) => {
    const broken = structuredClone(objects);
    breakIt(broken.find((o) => o.kind === kind) as K8sObject);
    const problems = await validateObjects(broken);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(expected);
  });
});
