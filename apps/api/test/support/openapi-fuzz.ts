import { readFileSync } from 'node:fs';

/**
 * Hostile requests generated from the committed OpenAPI document: for every operation, path ids,
 * query strings and bodies that are wrong in type, nested too deep, carry NUL or lone surrogates,
 * or are huge. The cases are sampled deterministically, so a run is repeatable and short.
 */

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
};
type Parameter = { name: string; in: 'path' | 'query' | 'header'; schema?: Schema };
type Operation = {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  security?: unknown[];
};
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

export type FuzzOperation = { method: string; path: string; operation: Operation };
export type FuzzRequest = {
  label: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  /** Raw text, so malformed JSON (deep nesting, lone surrogates) goes over the wire as is. */
  body?: string;
};

export function loadOpenApi(): Document {
  return JSON.parse(
    readFileSync(new URL('../../../../packages/api-client/openapi.json', import.meta.url), 'utf8'),
  ) as Document;
}

export function operationsOf(document: Document): FuzzOperation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  );
}

/**
 * Walks every list of hostile values in turn, with a stride, so each value meets many operations
 * and fields, and a run is the same every time (no randomness to reproduce).
 */
export class Sampler {
  private step = 0;

  constructor(private readonly offset = 0) {}

  pick<T>(items: readonly T[]): T {
    this.step += 1;
    return items[(this.offset + this.step * 7919) % items.length] as T;
  }
}

const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** JSON texts spliced in place of one value. Lone surrogates are written as escapes, as a hostile client would. */
const HOSTILE_VALUES: readonly string[] = [
  'null',
  '{}',
  '[]',
  '[[]]',
  '[{}]',
  '{"a":{"b":[1]}}',
  'true',
  '-1',
  '0',
  '1.5',
  '1e308',
  '-1e308',
  '123456789012345678901234567890',
  '""',
  '"\\u0000"',
  '"x\\u0000y"',
  '"x\\ud800@b.co"',
  '"\\udc00"',
  `"${'a'.repeat(5000)}"`,
  '"2023-02-30T10:00:00Z"',
  '"0000-01-01T00:00:00Z"',
  '"2023-02-30"',
  '"not-a-uuid"',
  '"00000000-0000-0000-0000-000000000000"',
  deepArray(3000),
  deepObject(3000),
];

const HOSTILE_PATH_IDS: readonly string[] = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%F0',
  '%C0%AF',
  'a'.repeat(3000),
  '-1',
  '0',
  '1e308',
  '00000000-0000-0000-0000-000000000000',
  '%2e%2e%2f',
  '%25',
  '%20',
];

const HOSTILE_QUERY_VALUES: readonly string[] = [
  '%00',
  '%ED%A0%80',
  '-1',
  '1e308',
  '99999999999999999999',
  'a'.repeat(3000),
  '',
  '%5B%5D',
  'x&$1=y',
];

const WHOLE_BODIES: readonly { label: string; body?: string; contentType?: string }[] = [
  { label: 'deep array body', body: deepArray(10000) },
  { label: 'deep object body', body: deepObject(10000) },
  { label: 'deep value in body', body: `{"email":"a@b.co","password":${deepArray(10000)}}` },
  { label: 'array body', body: '[]' },
  { label: 'array of arrays body', body: '[[]]' },
  { label: 'string body', body: '"x"' },
  { label: 'null body', body: 'null' },
  { label: 'NUL key', body: '{"\\u0000":1}' },
  { label: 'surrogate key', body: '{"\\ud800":1}' },
  { label: 'proto key', body: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}' },
  { label: 'text/plain body', body: 'hello', contentType: 'text/plain' },
  { label: 'empty body', body: '', contentType: 'application/json' },
  { label: 'no body' },
  { label: 'bad JSON', body: '{"a":' },
];

export type FuzzContext = {
  /** A real id for each `{id}`-like placeholder of this path, so body cases reach the handler. */
  pathIds: (path: string) => Record<string, string>;
  document: Document;
};

function resolve(document: Document, schema: Schema | undefined): Schema {
  let current = schema ?? {};
  for (let i = 0; i < 10 && current.$ref; i += 1)
    current = document.components.schemas[current.$ref.split('/').pop() ?? ''] ?? {};
  if (current.allOf?.length)
    return current.allOf.reduce<Schema>((merged, part) => ({ ...merged, ...resolve(document, part) }), {});
  if (current.oneOf?.[0]) return resolve(document, current.oneOf[0]);
  if (current.anyOf?.[0]) return resolve(document, current.anyOf[0]);
  return current;
}

/** A plausible value for a schema, so that one hostile field at a time is what the server sees. */
function sample(document: Document, raw: Schema | undefined, depth = 0): unknown {
  const schema = resolve(document, raw);
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type ?? 'object') {
    case 'string':
      if (schema.format === 'date-time') return '2023-07-12T10:00:00+08:00';
      if (schema.format === 'date') return '2023-07-12';
      if (schema.format === 'email') return 'fuzz@example.com';
      return 'fuzz';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return depth > 3 ? [] : [sample(document, schema.items, depth + 1)];
    default: {
      if (!schema.properties || depth > 3) return {};
      return Object.fromEntries(
        Object.entries(schema.properties).map(([key, value]) => [key, sample(document, value, depth + 1)]),
      );
    }
  }
}

/** Every field path of a sampled value (`roster.0.number`), so a hostile value can replace any one of them. */
function fieldPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((item, index) => fieldPaths(item, [...prefix, index]))];
  if (typeof value === 'object' && value !== null)
    return [prefix, ...Object.entries(value).flatMap(([key, item]) => fieldPaths(item, [...prefix, key]))];
  return [prefix];
}

const MARK = '"__FUZZ_VALUE__"';

/** Serialises `base` with the value at `at` replaced by the raw JSON text `hostile`. */
function splice(base: unknown, at: (string | number)[], hostile: string): string {
  if (at.length === 0) return hostile;
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[at[at.length - 1] as string | number] = '__FUZZ_VALUE__';
  return JSON.stringify(copy).replace(MARK, () => hostile);
}

/** Sampled hostile requests for one operation: `perOperation` body cases plus path and query cases. */
export function casesFor(
  op: FuzzOperation,
  context: FuzzContext,
  sampler: Sampler,
  perOperation: number,
): FuzzRequest[] {
  const parameters = op.operation.parameters ?? [];
  const ids = context.pathIds(op.path);
  const urlWith = (pathOverrides: Record<string, string>, query = ''): string => {
    let url = op.path;
    for (const p of parameters.filter((x) => x.in === 'path'))
      url = url.replace(`{${p.name}}`, pathOverrides[p.name] ?? ids[p.name] ?? 'unknown');
    return query ? `${url}?${query}` : url;
  };
  const jsonSchema = op.operation.requestBody?.content['application/json']?.schema;
  const validBody = jsonSchema ? JSON.stringify(sample(context.document, jsonSchema)) : undefined;
  const headers = (contentType = 'application/json'): Record<string, string> => ({
    ...(validBody !== undefined ? { 'content-type': contentType } : {}),
    ...(parameters.some((p) => p.in === 'header' && p.name === 'If-Match') ? { 'If-Match': '"1"' } : {}),
  });
  const cases: FuzzRequest[] = [];

  for (const p of parameters.filter((x) => x.in === 'path')) {
    for (let i = 0; i < 3; i += 1) {
      const bad = sampler.pick(HOSTILE_PATH_IDS);
      cases.push({
        label: `path ${p.name}=${bad.slice(0, 20)}`,
        method: op.method,
        url: urlWith({ [p.name]: bad }),
        headers: headers(),
        body: validBody,
      });
    }
  }
  for (const p of parameters.filter((x) => x.in === 'query')) {
    for (let i = 0; i < 2; i += 1) {
      const bad = sampler.pick(HOSTILE_QUERY_VALUES);
      cases.push({
        label: `query ${p.name}=${bad.slice(0, 20)}`,
        method: op.method,
        url: urlWith({}, `${p.name}=${bad}`),
        headers: headers(),
        body: validBody,
      });
    }
  }
  if (parameters.some((p) => p.in === 'query')) {
    cases.push({
      label: 'repeated query',
      method: op.method,
      url: urlWith(
        {},
        parameters
          .filter((p) => p.in === 'query')
          .map((p) => `${p.name}=1&${p.name}=2`)
          .join('&'),
      ),
      headers: headers(),
      body: validBody,
    });
  }
  if (jsonSchema) {
    const base = JSON.parse(validBody ?? '{}') as unknown;
    const paths = fieldPaths(base);
    for (let i = 0; i < perOperation; i += 1) {
      const at = sampler.pick(paths);
      const hostile = sampler.pick(HOSTILE_VALUES);
      cases.push({
        label: `body ${at.join('.') || '(root)'}=${hostile.slice(0, 24)}`,
        method: op.method,
        url: urlWith({}),
        headers: headers(),
        body: splice(base, at, hostile),
      });
    }
    for (const whole of WHOLE_BODIES) {
      cases.push({
        label: whole.label,
        method: op.method,
        url: urlWith({}),
        headers: whole.body === undefined ? {} : headers(whole.contentType),
        body: whole.body,
      });
    }
  } else if (op.method !== 'GET') {
    cases.push({
      label: 'unexpected body',
      method: op.method,
      url: urlWith({}),
      headers: headers(),
      body: deepArray(10000),
    });
  }
  return cases;
}
