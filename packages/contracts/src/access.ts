import { z } from 'zod';
import { districtNumberSchema } from './organizations.ts';

/** Role names (packages/core access/roles.ts). */
export const roleSchema = z.enum([
  'state-admin',
  'state-staff',
  'state-approver',
  'auditor',
  'district-admin',
  'district-steward',
  'school-user',
]);

/** One role at its scope. */
export const grantSchema = z.object({
  role: roleSchema,
  districtNumber: districtNumberSchema.nullable(),
  schoolNumber: z
    .string()
    .regex(/^\d{4}$/, 'school number is 4 digits')
    .nullable(),
});
/** A grant as sent and received. */
export type GrantBody = z.infer<typeof grantSchema>;

/** Sign-in request. */
export const signInSchema = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(256),
});

/** The signed-in user as the web app sees it. */
export const sessionSchema = z.object({
  userId: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  grants: z.array(grantSchema),
  actions: z
    .array(z.string())
    .describe('actions the user holds somewhere (for showing menus; the server decides)'),
  csrfToken: z.string().nullable(),
});
/** A session body. */
export type SessionBody = z.infer<typeof sessionSchema>;

/** Password reset: ask for a link. */
export const resetRequestSchema = z.object({ email: z.string().trim().min(3).max(320) });
/** Password reset: use the link's token. */
export const resetCompleteSchema = z.object({
  token: z.string().min(10).max(200),
  password: z.string().max(256),
});

/** An account in the user administration. */
export const userSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  grants: z.array(grantSchema),
});
/** A list of accounts. */
export const userListSchema = z.object({ users: z.array(userSchema) });

/** Creating an account with its first grant and an initial password (or none: a reset link is sent). */
export const createUserSchema = z.object({
  email: z.email().max(320),
  displayName: z.string().trim().min(1).max(200),
  password: z.string().max(256).optional(),
  grant: grantSchema,
});

/** Creating an API token narrowed to one of the caller's grants. */
export const createTokenSchema = z.object({
  name: z.string().trim().min(1).max(100),
  grant: grantSchema,
  days: z.number().int().min(1).max(366).default(90),
});
/** An API token (its secret only in the create response). */
export const apiTokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  grant: grantSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  token: z.string().optional(),
});

/** One audit event. */
export const auditEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.number().int().nullable(),
  actor: z.string(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  districtNumber: z.string().nullable(),
  studentId: z.number().int().nullable(),
  requestId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
/** Audit search filters. */
export const auditQuerySchema = z.object({
  action: z.string().max(60).optional(),
  actor: z.string().max(320).optional(),
  district: districtNumberSchema.optional(),
  studentId: z.coerce.number().int().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(10000).optional(),
  beforeId: z.coerce.number().int().optional(),
});
/** A page of audit events. */
export const auditPageSchema = z.object({ events: z.array(auditEventSchema) });

/** One in-app notification. */
export const notificationSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  subject: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
