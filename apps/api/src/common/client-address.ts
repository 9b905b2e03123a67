import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** The header in which the web server proves it is the web server (its value: WEB_PROXY_SECRET). */
export const WEB_PROXY_SECRET_HEADER = 'x-sailcourt-web-secret';

type AddressedRequest = Request & { clientAddress?: string };

const sameSecret = (sent: string, expected: string): boolean => {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Decides once per request whose address it is. `req.ip` already believes X-Forwarded-For only from
 * TRUSTED_PROXIES (Express's `trust proxy`); on top of that, the web server may name its visitor
 * when it sends the shared secret: a private address alone proves nothing.
 */
export function resolveClientAddress(webProxySecret: string | null) {
  return (req: AddressedRequest, _res: Response, next: NextFunction): void => {
    const sent = req.headers[WEB_PROXY_SECRET_HEADER];
    const forwarded = req.headers['x-forwarded-for'];
    const fromWeb = webProxySecret !== null && typeof sent === 'string' && sameSecret(sent, webProxySecret);
    const visitor = fromWeb && typeof forwarded === 'string' ? forwarded.split(',').at(-1)?.trim() : undefined;
    req.clientAddress = visitor || req.ip || req.socket.remoteAddress || 'unknown';
    next();
  };
}

export const clientAddressOf = (req: Request): string => (req as AddressedRequest).clientAddress ?? req.ip ?? 'unknown';
