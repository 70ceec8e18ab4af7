/** RFC 9457 problem details: the one place where outcomes become HTTP status codes. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Problem } from '@bitterroot/contracts';

const TYPE_BASE = 'https://bitterroot.dev/problems/';

/** Builds a problem body. */
export function problem(
  status: number,
  slug: string,
  title: string,
  req: FastifyRequest,
  detail?: string,
  errors?: Problem['errors'],
): Problem {
  return {
    type: `${TYPE_BASE}${slug}`,
    title,
    status,
    detail,
    instance: req.url.split('?')[0],
    requestId: req.id,
    errors,
  };
}

/** Sends a problem with the right content type. */
export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type('application/problem+json').send(body);
}

/** 404 for a missing resource. */
export function notFound(reply: FastifyReply, req: FastifyRequest, detail: string): FastifyReply {
  return sendProblem(reply, problem(404, 'not-found', 'Not found', req, detail));
}
