/**
 * Certification benchmark (issue 7): on a Montana-scale state bulk-loaded like the demo and validated statewide,
 * with every certifying collection of the year published as an event and a Type Membership in every district,
 * times taking the fall count snapshot of the largest district, of a typical (median) one and of the whole state,
 * and the state dashboard over real HTTP. Targets: snapshot < 5 s; dashboard < 300 ms server time.
 *
 *   node bench/certification.bench.ts [--scale montana] [--backend postgres|pglite|both] [--postgres URL] [--dir DIR]
 *     [--requests 40]
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { Database } from '../apps/server/src/db/database.ts';
import { buildApp } from '../apps/server/src/http/app.ts';
import { collectionsServices } from '../apps/server/src/modules/collections/collections.service.ts';
import { validationServiceFor } from '../apps/server/src/modules/validation/validation.service.ts';
import { createTestUser, sessionHeaders } from '../apps/server/test/test-users.ts';
import { onEachBackend } from './backends.ts';
import {
  benchProfile,
  BENCH_YEAR,
  generatedState,
  loadGeneratedState,
  percentile,
  PROFILE_DIR,
  secs,
} from './bench-state.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'montana' },
    backend: { type: 'string', default: 'both' },
    postgres: { type: 'string' },
    dir: { type: 'string' },
    requests: { type: 'string', default: '40' },
  },
});
const scale = values.scale as 'small' | 'montana';
const profileDir = PROFILE_DIR;
const year = BENCH_YEAR;
const dir = await generatedState(scale, values.dir);
const profile = await benchProfile();

const today = new Date().toISOString().slice(0, 10);
const plusDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** One primary and one secondary certifier per district for every type, written set-based. */
async function seedMembership(database: Database): Promise<void> {
  const types = profile.calendar.certificationTypes.map((t) => t.id);
  await sql`INSERT INTO app_user (email, display_name)
    SELECT 'cert.' || d.district_number || '.' || r || '@bench.test', 'Certifier ' || r || ' ' || d.district_number
    FROM district d CROSS JOIN (VALUES ('p'), ('s')) v(r) WHERE d.level <> 'state_agency'`.execute(
    database.db,
  );
  await sql`INSERT INTO user_role (user_id, role, district_number)
    SELECT u.id, 'district-steward', split_part(u.email, '.', 2) FROM app_user u
    WHERE u.email LIKE 'cert.%@bench.test'`.execute(database.db);
  await sql`INSERT INTO certification_membership (district_number, type_id, user_id, role)
    SELECT split_part(u.email, '.', 2), t,  u.id,
      CASE WHEN split_part(split_part(u.email, '.', 3), '@', 1) = 'p' THEN 'primary' ELSE 'secondary' END
    FROM app_user u CROSS JOIN unnest(${sql.raw(`ARRAY['${types.join("','")}']`)}::text[]) t
    WHERE u.email LIKE 'cert.%@bench.test'`.execute(database.db);
}

/** Every collection that requires certification becomes a published event open today. */
async function publishEvents(services: Awaited<ReturnType<typeof collectionsServices>>, actor: number) {
  const who = { userId: actor, name: 'bench' };
  const ids: Record<string, number> = {};
  for (const c of profile.calendar.collections.filter((x) => x.certification.required)) {
    const created = await services.events.create(
      year,
      {
        name: c.name,
        types: c.certification.types,
        level: 'district',
        collectionId: c.id,
        eventStart: plusDays(-7),
        certificationOpens: today,
        dueDate: plusDays(14),
      },
      who,
    );
    if (created.kind !== 'done') throw new Error(JSON.stringify(created));
    await services.events.publish(created.event.id, who);
    ids[c.id] = created.event.id;
  }
  return ids;
}

async function measure(database: Database): Promise<void> {
  const kind = database.kind.padEnd(8);
  await loadGeneratedState(database, dir);
  const t0 = performance.now();
  const run = await (
    await validationServiceFor(database, profile, year, profileDir)
  ).runState({ trigger: 'bench' });
  console.log(`${kind} statewide validation ${secs(performance.now() - t0)} (${run.produced} findings)`);
  await seedMembership(database);
  const staff = await createTestUser(database, 'bench.staff@bench.test', [
    { role: 'state-staff', districtNumber: null, schoolNumber: null },
  ]);
  const services = await collectionsServices(database, profile, year);
  const events = await publishEvents(services, staff);
  // A spread of statuses, as in the middle of a collection window.
  await sql`UPDATE district_certification SET status = (ARRAY['not-started', 'in-progress', 'sent-to-state',
    'approved', 'returned'])[1 + abs(hashtext(district_number || event_id::text)) % 5]`.execute(database.db);
  await sql`ANALYZE`.execute(database.db);

  const sizes = await sql<{ d: string; n: number }>`
    SELECT district_number AS d, count(*)::int AS n FROM enrollment WHERE school_year = ${year}
    GROUP BY 1 ORDER BY 2 DESC`.execute(database.db);
  const largest = sizes.rows[0]!;
  const typical = sizes.rows[Math.floor(sizes.rows.length / 2)]!;
  const fall = events['fall-count']!;
  for (const [label, d] of [
    ['largest', largest],
    ['typical', typical],
  ] as const) {
    const t = performance.now();
    await services.snapshots.statewide(fall, [d.d], staff);
    const rows = await sql<{ n: number }>`SELECT row_count AS n FROM certification_snapshot
      WHERE event_id = ${fall} AND district_number = ${d.d} ORDER BY id DESC LIMIT 1`.execute(database.db);
    console.log(
      `${kind} fall count snapshot, ${label} district ${d.d} (${d.n} enrollments, ${rows.rows[0]!.n} rows): ${secs(performance.now() - t)}`,
    );
  }
  const all = sizes.rows.map((r) => r.d);
  const t1 = performance.now();
  await services.snapshots.statewide(fall, all, staff);
  const total = await sql<{ n: number }>`SELECT sum(row_count)::int AS n FROM certification_snapshot
    WHERE event_id = ${fall} AND superseded_at IS NULL`.execute(database.db);
  console.log(
    `${kind} fall count snapshot, statewide (${all.length} districts, ${total.rows[0]!.n} rows): ${secs(performance.now() - t1)}`,
  );

  const app = await buildApp({ database, profile, schoolYear: year, logLevel: 'error' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const headers = await sessionHeaders(database, staff);
  try {
    const timed = async (path: string) => {
      const t = performance.now();
      const res = await fetch(`${base}${path}`, { headers });
      const body = await res.arrayBuffer();
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      return { ms: performance.now() - t, bytes: body.byteLength };
    };
    const n = Number(values.requests);
    for (const [label, path] of [
      ['state dashboard', '/api/v1/certification-dashboard'],
      ['district events (largest)', `/api/v1/districts/${largest.d}/certification-events`],
    ] as const) {
      for (let i = 0; i < 3; i++) await timed(path);
      const samples: { ms: number; bytes: number }[] = [];
      for (let i = 0; i < n; i++) samples.push(await timed(path));
      const ms = samples.map((s) => s.ms);
      console.log(
        `${kind} ${label} (${n} requests, ${(samples[0]!.bytes / 1024).toFixed(0)} KiB): median ${percentile(ms, 0.5).toFixed(0)} ms, p95 ${percentile(ms, 0.95).toFixed(0)} ms`,
      );
    }
    const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM district_certification`.execute(
      database.db,
    );
    console.log(`${kind} dashboard rows: ${rows.rows[0]!.n} (${Object.keys(events).length} events)`);
  } finally {
    await app.close();
  }
}

await onEachBackend({ backend: values.backend, postgres: values.postgres }, measure);
