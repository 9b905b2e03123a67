import type { OpenAPIObject } from '@nestjs/swagger';
import type { ProblemDetails, SentFieldError } from './problem.js';

type Operation = {
  responses?: Record<string, unknown>;
  security?: unknown[];
  requestBody?: unknown;
  parameters?: { in?: string }[];
};

/** The codes a client may switch on, by family; new codes may appear, so clients fall back on `status`. */
export const PROBLEM_CODES: readonly string[] = [
  'validation.invalid',
  'validation.too-deep',
  'validation.nul-character',
  'validation.malformed-unicode',
  'validation.malformed-json',
  'validation.malformed',
  'validation.required',
  'request.unsupported-media-type',
  'request.too-large',
  'request.collision',
  'auth.unauthorized',
  'auth.invalid-credentials',
  'auth.forbidden',
  'auth.token-invalid',
  'auth.token-revoked',
  'auth.email-taken',
  'resource.not-found',
  'resource.exists',
  'resource.conflict',
  'resource.reference',
  'rule.violated',
  'rate-limit.sign-in',
  'rate-limit.sign-up',
  'rate-limit.write',
  'registration.full',
  'registration.duplicate',
  'registration.roster-size',
  'registration.roster-empty',
  'registration.not-open',
  'registration.closed',
  'registration.same-status',
  'registration.transition',
  'registration.capacity-below-confirmed',
  'roster.number-duplicate',
  'roster.number-only-players',
  'roster.position-only-players',
  'match.clash',
  'match.stale',
  'match.postponed',
  'match.played',
  'match.outside-event',
  'match.court-range',
  'result.level-score',
  'result.score-required',
  'result.forfeit-with-scores',
  'schedule.groups',
  'schedule.replace-needed',
  'impact.stale',
  'leg-result.<kind>: the scoring rule a result row breaks (duplicate-result, missing-finish, finish-not-after-start, unknown-code …)',
  'server.error',
  'server.unavailable',
];

type Schema = Record<string, unknown>;
/** The keys a value of T always has. */
type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];
/** A schema for T: every property of T documented, none that T lacks; `required` lists only keys T always has. */
type SchemaOf<T> = {
  type: 'object';
  required: RequiredKeys<T>[];
  properties: { [K in keyof T]-?: Schema };
  description?: string;
};
const schemaOf = <T>(schema: SchemaOf<T>): SchemaOf<T> => schema;

const FIELD_ERROR_SCHEMA = schemaOf<SentFieldError>({
  type: 'object',
  required: ['field', 'message', 'code'],
  properties: {
    field: {
      type: 'string',
      example: 'roster.2.number',
      description: 'Dotted path of the API field (0-based indices)',
    },
    message: { type: 'string', description: 'English, for people; clients word it from `code` and `params`' },
    code: {
      type: 'string',
      example: 'validation.max',
      description: 'Stable: `validation.<rule>` for malformed input, or the problem’s code',
    },
    params: {
      type: 'object',
      additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
      example: { limit: 999 },
      description: 'Structured details: a limit, the clashing match’s id …',
    },
  },
});

const PROBLEM_SCHEMA = schemaOf<ProblemDetails>({
  type: 'object',
  required: ['type', 'title', 'status', 'code', 'detail'],
  description: 'RFC 9457 problem details, served as application/problem+json.',
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: {
      type: 'string',
      example: 'match.clash',
      description: `Stable and machine-readable. Known codes: ${PROBLEM_CODES.join(', ')}.`,
    },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: { type: 'array', items: { $ref: '#/components/schemas/FieldErrorDto' } },
  },
});

const DESCRIPTIONS: Record<string, string> = {
  '400': 'Malformed input; `errors` names each field (`validation.*`).',
  '401': 'No valid bearer token (`auth.unauthorized`), or wrong credentials.',
  '403': 'Signed in without the needed role (`auth.forbidden`).',
  '404': 'No such record (`resource.not-found`).',
  '409': 'Conflicts with the stored state (a clash, a stale version, a full event …).',
  '415': 'The body is not JSON (`request.unsupported-media-type`).',
  '422': 'Well-formed but breaks a rule of the domain.',
  '429': 'Rate limit (`rate-limit.*`); see Retry-After.',
};

const problemResponse = (status: string) => ({
  description: DESCRIPTIONS[status] ?? 'Problem',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } },
});

/** Every operation's error responses, documented once from what the filter and guards can answer. */
export function documentProblems(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.schemas = {
    ...document.components.schemas,
    ProblemDto: PROBLEM_SCHEMA,
    FieldErrorDto: FIELD_ERROR_SCHEMA,
  } as typeof document.components.schemas;
  for (const methods of Object.values(document.paths)) {
    for (const [method, raw] of Object.entries(methods as Record<string, Operation>)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const write = method !== 'get';
      const statuses = ['400', '401'];
      if (raw.security?.length) statuses.push('403');
      if (raw.parameters?.some((p) => p.in === 'path')) statuses.push('404');
      if (write) statuses.push('409', '422', '429');
      if (raw.requestBody) statuses.push('415');
      raw.responses ??= {};
      for (const status of statuses.sort()) raw.responses[status] ??= problemResponse(status);
    }
  }
  return document;
}
