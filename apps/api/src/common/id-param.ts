import { Param, type PipeTransform } from '@nestjs/common';
import { isUuid } from './ids.js';
import { notFound } from './problem.js';

/**
 * A path id that must be a UUID (a known slug was already turned into one, see slug-paths.ts).
 * Anything else names no record: 404 problem+json, as a lookup that finds nothing would answer,
 * so services and the database only ever see well-formed ids.
 */
export class UuidPipe implements PipeTransform<string, string> {
  constructor(private readonly resource: string) {}

  transform(value: string): string {
    if (!isUuid(value)) throw notFound(this.resource, value);
    return value;
  }
}

/** `@IdParam('event')` for `:id`, `@IdParam('assignment', 'assignmentId')` for another name. */
export const IdParam = (resource: string, name = 'id'): ParameterDecorator => Param(name, new UuidPipe(resource));
