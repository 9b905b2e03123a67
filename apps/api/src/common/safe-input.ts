import { type ArgumentMetadata, HttpStatus, Injectable, type PipeTransform } from '@nestjs/common';
import { badRequest, type FieldError, ProblemException } from './problem.js';

/** Deeper than any request the API defines (a roster row inside a body is depth 3). */
export const MAX_INPUT_DEPTH = 16;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a piece of text cannot be stored: PostgreSQL refuses NUL, and a lone surrogate is not text at all. */
export function textProblem(text: string): Pick<FieldError, 'message' | 'code'> | null {
  if (text.includes('\u0000')) return { message: 'must not contain NUL characters', code: 'validation.nul-character' };
  if (LONE_SURROGATE.test(text))
    return { message: 'must be well-formed Unicode (no lone surrogates)', code: 'validation.malformed-unicode' };
  return null;
}

/** `password.0.0.0…` → `password`; in an array of rows, `3.entryId.0…` → `3.entryId`: the field a client sent. */
const topField = (field: string): string => {
  const [first = '', second] = field.split('.');
  return /^\d+$/.test(first) && second !== undefined ? `${first}.${second}` : first;
};

const join = (parent: string, key: string | number): string => (parent ? `${parent}.${key}` : String(key));

/**
 * Walks a request value without recursing past MAX_INPUT_DEPTH, so hostile nesting cannot overflow
 * the transformer or the validator behind it; collects every string (and key) that cannot be text.
 */
export function inputProblems(value: unknown, root: string): FieldError[] {
  const problems: FieldError[] = [];
  const walk = (node: unknown, field: string, depth: number): void => {
    if (problems.length >= 20) return;
    if (typeof node === 'string') {
      const problem = textProblem(node);
      if (problem) problems.push({ field: field || root, ...problem });
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    if (depth >= MAX_INPUT_DEPTH) {
      problems.push({
        field: topField(field) || root,
        message: `nests deeper than ${MAX_INPUT_DEPTH} levels`,
        code: 'validation.too-deep',
        params: { max: MAX_INPUT_DEPTH },
      });
      return;
    }
    const entries: [string | number, unknown][] = Array.isArray(node)
      ? node.map((item, index) => [index, item])
      : Object.entries(node);
    for (const [key, item] of entries) {
      const keyProblem = typeof key === 'string' ? textProblem(key) : null;
      if (keyProblem) problems.push({ field: field || root, ...keyProblem });
      else walk(item, join(field, key), depth + 1);
    }
  };
  walk(value, '', 0);
  return problems;
}

/**
 * The first pipe every body, query and path parameter goes through: bad text and deep nesting are
 * refused (400 naming the field) before validation, the services or PostgreSQL ever see them.
 */
@Injectable()
export class SafeInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    if (metadata.type === 'body' && value === undefined) {
      throw new ProblemException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'Send a JSON body with Content-Type: application/json.',
        [{ field: 'body', message: 'is required' }],
        'request.unsupported-media-type',
      );
    }
    const root = metadata.data ?? (metadata.type === 'param' ? 'path' : metadata.type === 'query' ? 'query' : 'body');
    const problems = inputProblems(value, root);
    if (problems.length > 0) {
      throw badRequest(
        `Invalid request: ${[...new Set(problems.map((p) => p.field))].join(', ')}.`,
        problems,
        problems[0]?.code,
      );
    }
    return value;
  }
}
