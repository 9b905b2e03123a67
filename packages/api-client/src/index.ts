import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type { components, paths } from './schema.js';
export type Schemas = components['schemas'];
export type SailcourtClient = Client<paths>;

/** Problem details (RFC 9457) as every API error arrives; `code` (and each field error's) is what clients switch on. */
export type Problem = components['schemas']['ProblemDto'];
export type ProblemFieldError = components['schemas']['FieldErrorDto'];

/**
 * A typed client for the Sailcourt API. `baseUrl` is the server root (e.g. http://localhost:3001);
 * paths carry the `/api` prefix as in the OpenAPI document. Pass `token` for signed-in calls.
 */
export function createSailcourtClient(
  baseUrl: string,
  token?: string,
  options: Omit<ClientOptions, 'baseUrl'> = {},
): SailcourtClient {
  return createClient<paths>({
    ...options,
    baseUrl,
    headers: {
      ...(options.headers as Record<string, string> | undefined),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
  });
}

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value;
}
