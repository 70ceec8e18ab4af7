/** Settings parsed once, from flags over environment over defaults (documented in .env.example). */
import { resolve } from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  BITTERROOT_DATABASE: z.string().min(1).optional(),
  BITTERROOT_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  BITTERROOT_HOST: z.string().optional(),
  BITTERROOT_PROFILE: z.string().optional(),
  BITTERROOT_PUBLIC_URL: z.url().optional(),
  BITTERROOT_SCHOOL_YEAR: z.coerce.number().int().min(1990).max(2100).optional(),
  BITTERROOT_NIGHTLY: z.enum(['on', 'off']).optional(),
  BITTERROOT_NIGHTLY_AT: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time of day HH:MM')
    .optional(),
});

/** The default school year: 2026 = 2025-26 until July 1, 2026 (the fiscal year turns July 1). */
export function currentSchoolYear(today = new Date()): number {
  return today.getUTCMonth() >= 6 ? today.getUTCFullYear() + 1 : today.getUTCFullYear();
}

/** Resolved settings. */
export type Config = {
  database: string;
  port: number;
  host: string;
  profileDir: string;
  schoolYear: number;
  /** The address people use to reach the portal, for links in notifications (never taken from request headers). */
  publicUrl: string;
  /** The nightly statewide validation and early-warning scoring of `serve` and `demo` (decision 0028). */
  nightly: { enabled: boolean; at: string };
};

/** Flags a verb may pass (undefined when not given). */
export type ConfigFlags = {
  database?: string;
  port?: string;
  host?: string;
  profile?: string;
  schoolYear?: string;
};

/** The repository root (where profiles/ and apps/ live). */
export const repoRoot = resolve(new URL('../../../../', import.meta.url).pathname);

/** Builds the configuration; throws a one-line error naming the bad setting. */
export function loadConfig(
  flags: ConfigFlags,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`setting ${issue.path.join('.')} is invalid: ${issue.message}`);
  }
  const e = parsed.data;
  const port = flags.port !== undefined ? Number(flags.port) : (e.BITTERROOT_PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port ${flags.port} is not a port number`);
  const schoolYear =
    flags.schoolYear !== undefined
      ? Number(flags.schoolYear)
      : (e.BITTERROOT_SCHOOL_YEAR ?? currentSchoolYear());
  if (!Number.isInteger(schoolYear) || schoolYear < 1990 || schoolYear > 2100)
    throw new Error(`--school-year ${flags.schoolYear} must be an end year such as 2026 (for 2025-26)`);
  const host = flags.host ?? e.BITTERROOT_HOST ?? '127.0.0.1';
  const database = flags.database ?? e.BITTERROOT_DATABASE ?? resolve(cwd, '.data', 'pglite');
  return {
    database: /^postgres(ql)?:\/\//i.test(database) ? database : resolve(cwd, database),
    port,
    host,
    publicUrl: (
      e.BITTERROOT_PUBLIC_URL ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`
    ).replace(/\/$/, ''),
    profileDir: resolve(flags.profile ?? e.BITTERROOT_PROFILE ?? resolve(repoRoot, 'profiles/montana')),
    schoolYear,
    nightly: { enabled: e.BITTERROOT_NIGHTLY !== 'off', at: e.BITTERROOT_NIGHTLY_AT ?? '02:00' },
  };
}
