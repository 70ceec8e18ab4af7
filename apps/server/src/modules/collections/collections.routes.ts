/** HTTP edge of collections (issue 7): the calendar, the event dashboard, a district's events, contacts; certification routes. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  calendarAdjustSchema,
  contactQuerySchema,
  contactsInputSchema,
  dashboardQuerySchema,
  districtNumberSchema,
} from '@bitterroot/contracts';
import { readableScope } from '@bitterroot/core';
import { districtFromPath, requires, signedIn, stateScope, type ScopeOf } from '../../http/access.ts';
import { toCsv } from '../ingestion/findings-export.ts';
import { actorOf, registerCertificationRoutes, sendOutcome } from './certification.routes.ts';
import type { CollectionsServices, DashboardEntry } from './collections.service.ts';

const tags = ['collections'];
const yearParams = z.object({ year: z.coerce.number().int().min(1990).max(2100) });
const districtParams = z.object({ district: districtNumberSchema });

// Contacts of one district need contacts:read there; without one it is the state's whole directory.
const contactScope: ScopeOf = (req) => {
  const district = (req.query as { district?: string }).district;
  return district ? { level: 'district', districtNumber: district } : { level: 'state' };
};

function dashboardCsv(rows: DashboardEntry[]) {
  return {
    sheet: 'Dashboard',
    header: [
      'Event',
      'District',
      'District name',
      'Status',
      'Overdue',
      'Due',
      'Extended until',
      'Open fatals',
      'Primaries',
      'Certified',
    ],
    rows: rows.map((r) => [
      r.eventName,
      r.district,
      r.districtName,
      r.displayStatus,
      r.overdue ? 'yes' : 'no',
      r.dueDate,
      r.extendedUntil,
      r.openFatals,
      r.primaries,
      r.certified,
    ]),
  };
}

/** Registers the collections and certification routes. */
export function collectionsRoutes(s: CollectionsServices): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const manage = requires('collections:manage', stateScope);
    r.get(
      '/api/v1/collections/calendar/:year',
      {
        ...signedIn,
        schema: {
          tags,
          summary: 'A school year’s collection calendar (montana-aim.md §5)',
          params: yearParams,
        },
      },
      async (req) => await s.collections.calendar(req.params.year),
    );
    r.put(
      '/api/v1/collections/calendar/:year/:collection',
      {
        ...manage,
        schema: {
          tags,
          summary: 'Move one collection window',
          params: yearParams.extend({ collection: z.string().max(60) }),
          body: calendarAdjustSchema,
        },
      },
      async (req, reply) => {
        const { year, collection } = req.params;
        const out = await s.collections.adjustCalendar(
          year,
          collection,
          req.body.opens,
          req.body.closes,
          actorOf(req),
        );
        return sendOutcome(req, reply, out, (o) => (o.kind === 'done' ? o.calendar : null));
      },
    );
    r.post(
      '/api/v1/collections/calendar/:year/publish',
      { ...manage, schema: { tags, summary: 'Publish a year’s calendar', params: yearParams } },
      async (req) => await s.collections.publishCalendar(req.params.year, actorOf(req)),
    );
    r.get(
      '/api/v1/certification-dashboard',
      {
        ...requires('collections:read', stateScope),
        schema: {
          tags,
          summary: 'Every district × event: status, overdue, fatals, progress',
          querystring: dashboardQuerySchema,
        },
      },
      async (req) => await s.collections.dashboard(s.schoolYear, req.query),
    );
    r.get(
      '/api/v1/certification-dashboard.csv',
      {
        ...requires('collections:read', stateScope),
        schema: { tags, summary: 'The dashboard as CSV', querystring: dashboardQuerySchema },
      },
      async (req, reply) => {
        const { rows } = await s.collections.dashboard(s.schoolYear, req.query);
        reply.header('content-disposition', 'attachment; filename="certification-dashboard.csv"');
        return reply.type('text/csv; charset=utf-8').send(toCsv(dashboardCsv(rows)));
      },
    );
    r.get(
      '/api/v1/districts/:district/certification-events',
      {
        ...requires('collections:read', districtFromPath),
        schema: { tags, summary: 'A district’s events: status, blockers, members', params: districtParams },
      },
      async (req) => ({ events: await s.collections.districtEvents(s.schoolYear, req.params.district) }),
    );
    r.get(
      '/api/v1/contacts',
      {
        ...requires('contacts:read', contactScope),
        schema: { tags, summary: 'Search the contacts directory', querystring: contactQuerySchema },
      },
      async (req) => {
        const scope = req.query.district
          ? { all: false as const, districts: [req.query.district], schools: [] }
          : readableScope(req.principal, 'contacts:read');
        return { contacts: await s.collections.contacts(scope, { area: req.query.area, text: req.query.q }) };
      },
    );
    r.get(
      '/api/v1/contacts.csv',
      {
        ...requires('contacts:read', contactScope),
        schema: { tags, summary: 'The contacts directory as CSV', querystring: contactQuerySchema },
      },
      async (req, reply) => {
        const scope = req.query.district
          ? { all: false as const, districts: [req.query.district], schools: [] }
          : readableScope(req.principal, 'contacts:read');
        const csv = await s.collections.contactsCsv(scope, { area: req.query.area, text: req.query.q });
        reply.header('content-disposition', 'attachment; filename="contacts.csv"');
        return reply.type('text/csv; charset=utf-8').send(csv);
      },
    );
    r.put(
      '/api/v1/districts/:district/contacts',
      {
        ...requires('contacts:manage', districtFromPath),
        schema: {
          tags,
          summary: 'Replace a district’s contacts',
          params: districtParams,
          body: contactsInputSchema,
        },
      },
      async (req) => ({
        contacts: await s.collections.setContacts(req.params.district, req.body.contacts, actorOf(req)),
      }),
    );
    registerCertificationRoutes(app, s);
  };
}
