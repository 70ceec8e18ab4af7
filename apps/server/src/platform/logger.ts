/**
 * Logging without PII: request logs carry method, route pattern, status, timing and request id only;
 * query strings and bodies (names, birth dates, state IDs) are never logged.
 */
import type { FastifyServerOptions } from 'fastify';

/** Fastify logger options (pino) with serializers that drop everything that could hold PII. */
export function loggerOptions(
  level: string,
  stream?: { write(line: string): void },
): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (req: { method: string; routeOptions?: { url?: string }; id: string }) => ({
        method: req.method,
        route: req.routeOptions?.url,
        id: req.id,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
