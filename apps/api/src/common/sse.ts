import type { Request, Response } from 'express';
import { badRequest } from './problem.js';

/** Where a stream's bytes go (an HTTP response); `close` ends it from our side. */
export type StreamSink = { write: (chunk: string) => void; backlog: () => number; close: () => void };

/** SSE needs a line at least every 15 s through idle proxies; 10 s leaves room. */
export const SSE_HEARTBEAT_MS = 10_000;
export const SSE_KEEP_ALIVE = ': keep-alive\n\n';

/** Starts a Server-Sent Events response with the headers that keep proxies from buffering or transforming it; public data, so any origin may read it. */
export function openEventStream(req: Request, res: Response): StreamSink {
  req.socket.setNoDelay(true);
  req.socket.setTimeout(0);
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
    'Access-Control-Allow-Origin': '*',
  });
  res.write('retry: 2000\n\n');
  return { write: (chunk: string) => void res.write(chunk), backlog: () => res.writableLength, close: () => res.end() };
}

/**
 * The id a reconnecting client last saw: the `Last-Event-ID` header wins over `?lastEventId=`; either
 * must be a whole number (400 naming the field otherwise, with `code`).
 */
export function lastEventIdOf(header: string | undefined, query: string | undefined, code: string): number | undefined {
  const raw = header ?? query;
  if (raw === undefined || raw.trim() === '') return undefined;
  if (!/^\d{1,15}$/.test(raw.trim()))
    throw badRequest(
      'Last-Event-ID must be a message id (a whole number).',
      [{ field: 'Last-Event-ID', message: 'must be a whole number' }],
      code,
    );
  return Number(raw.trim());
}

/**
 * Opens the event stream and attaches it with `attach` (which returns its detach function); detaches
 * when the client goes, also if it went while attaching. An attach that fails ends the response: the
 * client reconnects with its Last-Event-ID.
 */
export async function serveEventStream(
  req: Request,
  res: Response,
  attach: (sink: StreamSink) => Promise<() => void>,
): Promise<void> {
  const sink = openEventStream(req, res);
  let detach: (() => void) | null = null;
  let closed = false;
  req.on('close', () => {
    closed = true;
    detach?.();
  });
  try {
    detach = await attach(sink);
  } catch {
    res.end();
    return;
  }
  if (closed) detach();
}
