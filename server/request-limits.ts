// How big a request body each route may send. Checked before anything reads the body: a declared
// Content-Length over the cap is refused at once, and a streamed (chunked) body is counted as it
// arrives and refused as soon as it passes the cap, so no more than the cap is ever buffered.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

const KB = 1024;

interface RouteLimit {
  readonly method: string;
  readonly path: RegExp;
  readonly maxBytes: number;
}

/** Each cap is a few times the largest valid request (field caps in common/sync-api/schemas.ts). */
export const routeLimits: readonly RouteLimit[] = [
  { method: 'POST', path: /^\/v1\/learners$/, maxBytes: 4 * KB },
  { method: 'POST', path: /^\/v1\/auth\/refresh$/, maxBytes: 1 * KB },
  { method: 'PATCH', path: /^\/v1\/me$/, maxBytes: 4 * KB },
  // Up to 200 events of at most 4 KB of facts each.
  { method: 'POST', path: /^\/v1\/events$/, maxBytes: 1024 * KB },
  // Older apps also send the course outline (ignored).
  { method: 'POST', path: /^\/v1\/certificates$/, maxBytes: 64 * KB },
  { method: 'POST', path: /^\/v1\/admin\/certificates\/[^/]+\/revoke$/, maxBytes: 4 * KB },
  // Up to 2000 lessons with their ids, types and titles.
  { method: 'PUT', path: /^\/v1\/admin\/courses\/[^/]+$/, maxBytes: 1024 * KB },
  // Three challenges of at most 20 files of 64 KB each (a real solution is a few KB).
  { method: 'POST', path: /^\/v1\/exams\/attempts\/[^/]+\/sections\/[^/]+$/, maxBytes: 512 * KB },
  { method: 'POST', path: /^\/v1\/admin\/exam-attempts\/[^/]+\/review$/, maxBytes: 32 * KB },
  // A Gold project's text files, README and checks: up to the app's workspace cap of 8 MB (a real one is tens of KB).
  { method: 'POST', path: /^\/v1\/projects\/[^/]+\/submissions$/, maxBytes: 8 * 1024 * KB },
  { method: 'POST', path: /^\/v1\/admin\/project-submissions\/[^/]+\/review$/, maxBytes: 32 * KB },
  { method: 'POST', path: /^\/v1\/reviews\/projects\/[^/]+$/, maxBytes: 32 * KB },
  // The same review as the dashboard's form, URL-encoded (which can triple non-ASCII text).
  { method: 'POST', path: /^\/dashboard\/reviews\/[^/]+$/, maxBytes: 96 * KB },
];

/** Any other route takes no body worth reading. */
export const defaultBodyLimit = 1 * KB;

export function bodyLimitFor(method: string, path: string): number {
  return routeLimits.find((limit) => limit.method === method && limit.path.test(path))?.maxBytes ?? defaultBodyLimit;
}

const size = (bytes: number) => (bytes >= 1024 * KB ? `${bytes / (1024 * KB)} MB` : `${bytes / KB} KB`);

export function limitRequestBodies(): MiddlewareHandler {
  return (c, next) => {
    const maxBytes = bodyLimitFor(c.req.method, c.req.path);
    // Close the connection: the rest of an oversized body is not worth receiving.
    const tooLarge = () =>
      c.json(
        {
          error: {
            code: 'payload_too_large',
            message: `The request body is over the ${size(maxBytes)} limit for ${c.req.method} ${c.req.path}.`,
            details: { maxBytes },
          },
        },
        413,
        { connection: 'close' },
      );
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    // A declared length is the body's length (Node's parser stops the body there), so it is
    // judged from the header alone, without touching the body: the route then reads it straight
    // from Node's request, not through a web stream (what most of a small request's HTTP cost was).
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined)
      return Number.parseInt(declared, 10) > maxBytes ? Promise.resolve(tooLarge()) : next();
    // A streamed body is counted as it arrives.
    return bodyLimit({ maxSize: maxBytes, onError: tooLarge })(c, next);
  };
}
