import { z } from 'zod';
import { DISTRICT_STATUSES, EVENT_STATES, MEMBER_ROLES } from '@bitterroot/core';
import { districtNumberSchema } from './organizations.ts';

// Request and response schemas of the collections and certification API (issue 7; montana-aim.md §5, §7).

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const reason = z.string().trim().min(1).max(2000);

/** Body of POST /api/v1/certification-events and PUT /api/v1/certification-events/{id}. */
export const eventInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(4000).optional(),
  types: z.array(z.string().min(1).max(60)).min(1),
  level: z.enum(['district', 'school']),
  collectionId: z.string().max(60).nullable().optional(),
  validationGroup: z.string().max(60).nullable().optional(),
  eventStart: isoDate,
  certificationOpens: isoDate,
  dueDate: isoDate,
});
/** An event as sent. */
export type EventInputBody = z.infer<typeof eventInputSchema>;

/** A certification event (§7.1 "Event"). */
export const certificationEventSchema = z.object({
  id: z.number().int(),
  schoolYear: z.number().int(),
  name: z.string(),
  description: z.string(),
  types: z.array(z.string()),
  level: z.enum(['district', 'school']),
  collectionId: z.string().nullable(),
  validationGroup: z.string().nullable(),
  validationRules: z.array(z.string()),
  templates: z.array(z.string()),
  eventStart: z.string(),
  certificationOpens: z.string(),
  dueDate: z.string(),
  state: z.enum(EVENT_STATES),
  updatedAt: z.string(),
});
/** GET /api/v1/certification-events. */
export const eventListSchema = z.object({
  schoolYear: z.number().int(),
  events: z.array(certificationEventSchema),
});

/** Body of commands that need or accept a reason. */
export const reasonSchema = z.object({ reason: reason });
/** Body of approve (a reason only when approving a district that has not certified). */
export const optionalReasonSchema = z.object({ reason: z.string().max(2000).optional() });
/** Body of POST …/certify (§7.2 step 7: "nothing to report" is explicit). */
export const certifySchema = z.object({ nothingToReport: z.boolean().default(false) });
/** Body of POST /api/v1/certification-events/{id}/reopen. */
export const reopenSchema = z.object({ reason, recertify: z.boolean(), extendUntil: isoDate.optional() });
/** Body of POST …/extension. */
export const extensionSchema = z.object({ until: isoDate, reason });

/** The outcome of a district command. */
export const commandResultSchema = z.object({
  status: z.enum(DISTRICT_STATUSES),
  snapshotId: z.number().int().nullable(),
  round: z.number().int(),
});

/** One Type Membership entry (§7.1). */
export const memberSchema = z.object({
  userId: z.number().int(),
  typeId: z.string().min(1).max(60),
  role: z.enum(MEMBER_ROLES),
  schoolNumber: z.string().max(10).nullable().optional(),
});
/** Body of PUT /api/v1/districts/{district}/certification-members. */
export const membersInputSchema = z.object({ members: z.array(memberSchema).max(2000) });

/** Query of the state dashboard (issue 7 item 7). */
export const dashboardQuerySchema = z.object({
  status: z.enum([...DISTRICT_STATUSES, 'overdue']).optional(),
  overdue: z.stringbool().optional(),
  withFatals: z.stringbool().optional(),
  eventId: z.coerce.number().int().optional(),
});

/** Body of PUT /api/v1/collections/calendar/{year}/{collection}. */
export const calendarAdjustSchema = z.object({ opens: isoDate, closes: isoDate });

/** One contact of the directory. */
export const contactSchema = z.object({
  school: z.string().max(10).nullable().default(null),
  area: z.string().trim().min(1).max(60),
  rank: z.enum(['primary', 'backup']),
  name: z.string().trim().min(1).max(200),
  email: z.email(),
  phone: z.string().max(40).nullable().default(null),
});
/** Body of PUT /api/v1/districts/{district}/contacts. */
export const contactsInputSchema = z.object({ contacts: z.array(contactSchema).max(1000) });
/** Query of the contacts search. */
export const contactQuerySchema = z.object({
  district: districtNumberSchema.optional(),
  area: z.string().max(60).optional(),
  q: z.string().max(100).optional(),
});
