// Checks a leg's result rows against the scoring rules one row at a time, so that every bad row is
// named (`2.finishedAt`), not just the first the scorer trips on.

import {
  isSailingScoringError,
  scoreRallyLeg,
  type RallyEntry,
  type RallyLeg,
  type RallyLegResultInput,
  type SailingScoringError,
  type SailingScoringErrorKind,
} from '@sailcourt/domain';
import { badRequest, type FieldError, unprocessable } from '../../common/problem.js';
import type { LegResultInputDto } from './dto/rally-results.dto.js';

type RowField = 'entryId' | 'finishedAt' | 'code' | 'points';
type RowProblem = FieldError & { status: 400 | 422 };

/**
 * Which field a domain error is about, and whether it is malformed input (400: the row's fields do
 * not fit together or a value is outside the code list) or a scoring rule (422: the entry is not in
 * the rally, the boat is listed twice, she finished before the start).
 */
const ROW_ERRORS: Partial<Record<SailingScoringErrorKind, { field: RowField; status: 400 | 422 }>> = {
  UNKNOWN_ENTRY: { field: 'entryId', status: 422 },
  DUPLICATE_RESULT: { field: 'entryId', status: 422 },
  FINISH_NOT_AFTER_START: { field: 'finishedAt', status: 422 },
  INVALID_INSTANT: { field: 'finishedAt', status: 400 },
  MISSING_FINISH: { field: 'finishedAt', status: 400 },
  UNEXPECTED_FINISH: { field: 'finishedAt', status: 400 },
  UNKNOWN_CODE: { field: 'code', status: 400 },
  MISSING_POINTS: { field: 'points', status: 400 },
  INVALID_POINTS: { field: 'points', status: 400 },
  UNEXPECTED_POINTS: { field: 'points', status: 400 },
};

/** `DUPLICATE_RESULT` → `leg-result.duplicate-result`: the domain's kinds, as stable codes for clients. */
const legResultCode = (kind: SailingScoringErrorKind): string =>
  `leg-result.${kind.toLowerCase().replaceAll('_', '-')}`;

function rowProblem(index: number, error: SailingScoringError): RowProblem {
  const known = ROW_ERRORS[error.kind];
  return {
    field: `${index}.${known?.field ?? 'entryId'}`,
    message: error.message,
    status: known?.status ?? 422,
    code: legResultCode(error.kind),
  };
}

/** The row as the domain takes it, or what makes it no result at all. */
function toInput(row: LegResultInputDto, index: number): RallyLegResultInput | RowProblem {
  const finishedAt = row.finishedAt ?? null;
  const code = row.code ?? null;
  const points = row.points ?? null;
  if (code !== null) return { entryId: row.entryId, code, finishedAt, points };
  if (points !== null)
    return {
      field: `${index}.points`,
      message: 'points go only with the code RDG or DPI',
      status: 400,
      code: legResultCode('UNEXPECTED_POINTS'),
    };
  if (finishedAt === null)
    return {
      field: `${index}.finishedAt`,
      message: 'give a finish time or a scoring code',
      status: 400,
      code: legResultCode('MISSING_FINISH'),
    };
  return { entryId: row.entryId, finishedAt };
}

const isProblem = (value: RallyLegResultInput | RowProblem): value is RowProblem => 'status' in value;

/**
 * Returns the rows as domain inputs when every one scores; otherwise throws a problem naming each
 * bad row: 400 when any row is malformed, else 422.
 */
export function checkLegResultRows(
  rows: readonly LegResultInputDto[],
  entries: readonly RallyEntry[],
  leg: RallyLeg,
): RallyLegResultInput[] {
  const problems: RowProblem[] = [];
  const inputs: RallyLegResultInput[] = [];
  const firstRowOf = new Map<string, number>();
  rows.forEach((row, index) => {
    const input = toInput(row, index);
    if (isProblem(input)) {
      problems.push(input);
      return;
    }
    try {
      scoreRallyLeg({ entries, leg, results: [input] });
    } catch (error) {
      if (!isSailingScoringError(error)) throw error;
      problems.push(rowProblem(index, error));
      return;
    }
    const first = firstRowOf.get(row.entryId);
    if (first !== undefined) {
      problems.push({
        field: `${index}.entryId`,
        message: `the boat already has a result in row ${first}; one result per boat per leg`,
        status: 422,
        code: legResultCode('DUPLICATE_RESULT'),
      });
      return;
    }
    firstRowOf.set(row.entryId, index);
    inputs.push(input);
  });
  if (problems.length > 0) throw rowsProblem(problems);
  try {
    scoreRallyLeg({ entries, leg, results: inputs });
  } catch (error) {
    if (!isSailingScoringError(error)) throw error;
    throw unprocessable(error.message);
  }
  return inputs;
}

function rowsProblem(problems: readonly RowProblem[]): Error {
  const errors = problems.map(({ field, message, code }) => ({ field, message, ...(code ? { code } : {}) }));
  const fields = [...new Set(errors.map((e) => e.field))].join(', ');
  return problems.some((p) => p.status === 400)
    ? badRequest(`Invalid results: ${fields}.`, errors)
    : unprocessable(`The results break a scoring rule: ${fields}.`, errors);
}
