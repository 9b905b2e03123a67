import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * A small, offline stand-in for `kustomize build` covering what infra/k8s uses: resources (files and
 * folders with a kustomization.yaml), namespace, images, replicas and strategic-merge patches (lists
 * of named items, such as containers and env, merge by name; other lists are replaced). Any other
 * field in a kustomization fails loudly rather than being silently ignored.
 */
export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
};

type Kustomization = {
  apiVersion?: string;
  kind?: string;
  namespace?: string;
  resources?: string[];
  images?: { name: string; newName?: string; newTag?: string }[];
  replicas?: { name: string; count: number }[];
  patches?: { path: string }[];
};

const KNOWN_FIELDS = new Set(['apiVersion', 'kind', 'namespace', 'resources', 'images', 'replicas', 'patches']);

/** Kinds that live outside namespaces (namespace: in a kustomization leaves them alone). */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PersistentVolume',
  'StorageClass',
  'IngressClass',
]);

export function build(dir: string): K8sObject[] {
  const kustomization = readYaml(join(dir, 'kustomization.yaml'))[0] as Kustomization;
  for (const key of Object.keys(kustomization))
    if (!KNOWN_FIELDS.has(key)) throw new Error(`${dir}/kustomization.yaml: unsupported field '${key}'`);
  if (kustomization.kind !== 'Kustomization') throw new Error(`${dir}/kustomization.yaml: kind must be Kustomization`);

  let objects: K8sObject[] = [];
  for (const resource of kustomization.resources ?? []) {
    const path = resolve(dir, resource);
    objects.push(...(statSync(path).isDirectory() ? build(path) : (readYaml(path) as K8sObject[])));
  }
  for (const patchRef of kustomization.patches ?? []) {
    for (const patch of readYaml(resolve(dir, patchRef.path)) as K8sObject[]) {
      const target = objects.find((o) => o.kind === patch.kind && o.metadata.name === patch.metadata.name);
      if (!target) throw new Error(`${dir}: patch for ${patch.kind}/${patch.metadata.name} matches no resource`);
      objects = objects.map((o) => (o === target ? (merge(o, patch) as K8sObject) : o));
    }
  }
  for (const { name, count } of kustomization.replicas ?? []) {
    const target = objects.find(
      (o) => o.metadata.name === name && (o.kind === 'Deployment' || o.kind === 'StatefulSet'),
    );
    if (!target) throw new Error(`${dir}: replicas for '${name}' matches no Deployment`);
    (target.spec as { replicas: number }).replicas = count;
  }
  for (const image of kustomization.images ?? []) {
    let used = false;
    for (const container of objects.flatMap(containersOf)) {
      const [name, tag] = splitImage(container.image);
      if (name !== image.name) continue;
      used = true;
      container.image = `${image.newName ?? name}:${image.newTag ?? tag ?? 'latest'}`;
    }
    if (!used) throw new Error(`${dir}: image '${image.name}' is used by no container`);
  }
  if (kustomization.namespace) {
    for (const object of objects)
      if (!CLUSTER_SCOPED.has(object.kind))
        object.metadata = { ...object.metadata, namespace: kustomization.namespace };
  }
  return objects;
}

function readYaml(path: string): unknown[] {
  return parseAllDocuments(readFileSync(path, 'utf8'))
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`${path}: ${doc.errors[0]?.message}`);
      return doc.toJS() as unknown;
    })
    .filter((doc) => doc !== null);
}

function containersOf(object: K8sObject): { image: string }[] {
  const pod = (
    object.spec as
      { template?: { spec?: { containers?: { image: string }[]; initContainers?: { image: string }[] } } } | undefined
  )?.template?.spec;
  return [...(pod?.containers ?? []), ...(pod?.initContainers ?? [])];
}

function splitImage(image: string): [string, string | undefined] {
  const at = image.lastIndexOf(':');
  return at > image.lastIndexOf('/') ? [image.slice(0, at), image.slice(at + 1)] : [image, undefined];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isNamedList = (value: unknown): value is Record<string, unknown>[] =>
  Array.isArray(value) && value.length > 0 && value.every((item) => isObject(item) && typeof item.name === 'string');

/** Strategic merge, as far as these manifests need it. */
export function merge(base: unknown, patch: unknown): unknown {
  if (isObject(base) && isObject(patch)) {
    const out: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(patch))
      out[key] = key in base ? merge(base[key], value) : structuredClone(value);
    return out;
  }
  if (isNamedList(base) && isNamedList(patch)) {
    const out = base.map((item) => {
      const match = patch.find((p) => p.name === item.name);
      return match ? merge(item, match) : item;
    });
    for (const item of patch) if (!base.some((b) => b.name === item.name)) out.push(structuredClone(item));
    return out;
  }
  return structuredClone(patch);
}

export const overlayDir = (name: string) =>
  join(dirname(new URL(import.meta.url).pathname), '..', '..', 'k8s', 'overlays', name);
