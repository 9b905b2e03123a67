import express, { type NextFunction, type Request, type Response } from 'express';
import { makeProblem, sendProblem } from '../../common/problem.filter.js';

/** A 100,000-point GPX is about 10 MB; this leaves room for verbose exporters. */
export const TRACK_FILE_LIMIT = '40mb';
const FILE_TYPES = [
  'application/gpx+xml',
  'application/xml',
  'text/xml',
  'text/csv',
  'text/plain',
  'application/octet-stream',
  'application/vnd.ms-excel',
];

const raw = express.raw({ type: FILE_TYPES, limit: TRACK_FILE_LIMIT });

/** Reads a track file body as bytes (its encoding is decided later), answering 413 as problem+json. */
export function trackFileBody(req: Request, res: Response, next: NextFunction): void {
  raw(req, res, (error?: unknown) => {
    if ((error as { type?: string } | undefined)?.type === 'entity.too.large')
      return sendProblem(res, makeProblem(413, `The file is larger than ${TRACK_FILE_LIMIT}.`));
    next(error);
  });
}
