import type { Problem } from '@sailcourt/api-client';
import { expect } from 'vitest';

/** The one Problem type of the tests: the client's, generated from the OpenAPI document the API publishes. */
export type { Problem, ProblemFieldError } from '@sailcourt/api-client';
type Response = { status: number; headers: Record<string, string>; body: unknown };

/** Asserts an RFC 9457 problem with this status, naming at least these fields; returns it for further checks. */
export function expectProblem(res: Response, status: number, fields: string | string[] = []): Problem {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = res.body as Problem;
  expect(problem.status).toBe(status);
  expect(problem.title).toBeTruthy();
  expect(problem.detail).toBeTruthy();
  expect(problem.code, 'every problem carries a machine-readable code').toMatch(/^[a-z-]+\.[a-z-]+$/);
  const named = (problem.errors ?? []).map((e) => e.field);
  for (const field of typeof fields === 'string' ? [fields] : fields)
    expect(named, JSON.stringify(problem)).toContain(field);
  return problem;
}
