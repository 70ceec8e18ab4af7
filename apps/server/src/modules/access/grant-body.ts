/** Turns a grant from a request body into a checked grant, or a 400 naming the rule it breaks. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GrantBody } from '@bitterroot/contracts';
import { grantFrom, type Grant } from '@bitterroot/core';
import { problem, sendProblem } from '../../http/problems.ts';

/** The grant, or null when its scope does not fit its role. */
export function grantOf(body: GrantBody): Grant | null {
  return grantFrom(body.role, body.districtNumber, body.schoolNumber);
}

/** 400 for a grant whose scope does not fit its role. */
export function badGrant(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(
    reply,
    problem(
      400,
      'invalid-grant',
      'Invalid role scope',
      req,
      'State roles take no district; district roles take a district and no school; school users take both.',
    ),
  );
}
