import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { testProfile } from '../../../test/test-profile.ts';
import { certificationService, type CertificationService } from './certification.service.ts';
import { deadlinesService, type DeadlinesService } from './event-deadlines.service.ts';
import { eventsService, type EventsService } from './events.service.ts';
import { membershipService } from './membership.service.ts';
import { snapshotsService, type SnapshotsService } from './snapshots.service.ts';
import type { Actor } from './outbox.repository.ts';
import { frozenRow, SNAPSHOT_SOURCES } from './snapshot-sources.ts';
import { frozenColumns, sourceColumns } from './snapshot.repository.ts';

let t: TestDatabase;
let events: EventsService;
let deadlines: DeadlinesService;
let cert: CertificationService;
let snaps: SnapshotsService;
let now = '2025-10-10T18:00:00Z';
let district = '';
let eventId = 0;
let users: { p1: Actor; p2: Actor; sec: Actor; state: Actor };

async function addUser(name: string, role: string, d: string | null): Promise<Actor> {
  const u = await sql<{ id: number }>`
    INSERT INTO app_user (email, display_name) VALUES (${`${name}@example.org`}, ${name}) RETURNING id`.execute(
    t.db,
  );
  const id = u.rows[0]!.id;
  await sql`INSERT INTO user_role (user_id, role, district_number) VALUES (${id}, ${role}, ${d})`.execute(
    t.db,
  );
  return { userId: id, name };
}

async function finding(severity: string, key: string) {
  await sql`INSERT INTO validation_finding (school_year, finding_key, rule_id, severity, district_number,
    record_table, message, first_run_id, last_run_id)
    VALUES (${TEST_SCHOOL_YEAR}, ${key}, 'CNT-012', ${severity}, ${district}, 'fall_count', 'm', 1, 1)`.execute(
    t.db,
  );
}

const count = async (q: string) => Number((await sql.raw<{ n: number }>(q).execute(t.db)).rows[0]!.n);

beforeAll(async () => {
  t = await createTestDatabase();
  const profile = await testProfile();
  district = (await sql<{ d: string }>`SELECT min(district_number) AS d FROM school`.execute(t.db)).rows[0]!
    .d;
  const deps = { database: t, now: () => now, timeZone: 'America/Denver' };
  events = eventsService({ ...deps, profile, ruleIdsOf: () => ['CNT-012'] });
  deadlines = deadlinesService(deps);
  const membership = membershipService({ ...deps, profile });
  cert = certificationService(deps);
  snaps = snapshotsService(deps);
  users = {
    p1: await addUser('primary1', 'district-steward', district),
    p2: await addUser('primary2', 'district-admin', district),
    sec: await addUser('secondary', 'district-steward', district),
    state: await addUser('approver', 'state-approver', null),
  };
  for (const [i, id] of ['100000001', '100000002'].entries()) {
    const s = await sql<{ id: number }>`INSERT INTO student (state_id, last_name, first_name)
      VALUES (${id}, ${`Last${i}`}, 'First') RETURNING id`.execute(t.db);
    await sql`INSERT INTO student_district (student_id, district_number) VALUES (${s.rows[0]!.id}, ${district})`.execute(
      t.db,
    );
  }
  expect(
    await membership.setMembers(
      district,
      [
        { userId: users.p1.userId!, typeId: 'fall-anb', role: 'primary' },
        { userId: users.p2.userId!, typeId: 'fall-anb', role: 'primary' },
        { userId: users.sec.userId!, typeId: 'fall-anb', role: 'secondary' },
      ],
      users.p2,
    ),
  ).toEqual({ kind: 'done' });
  const created = await events.create(
    TEST_SCHOOL_YEAR,
    {
      name: 'Fall Student Count for ANB',
      types: ['fall-anb'],
      level: 'district',
      collectionId: 'fall-count',
      eventStart: '2025-10-06',
      certificationOpens: '2025-10-07',
      dueDate: '2025-10-22',
    },
    users.state,
  );
  if (created.kind !== 'done') throw new Error(JSON.stringify(created));
  eventId = created.event.id;
});
afterAll(async () => {
  await t?.drop();
});

describe('certification (montana-aim.md §7.2)', () => {
  it('hides unpublished events from districts and notifies members on publish', async () => {
    expect(await cert.certify(eventId, district, users.p1)).toEqual({ kind: 'not-found' });
    expect((await events.publish(eventId, users.state)).kind).toBe('done');
    expect(await count(`SELECT count(*) AS n FROM notification WHERE kind = 'event-published'`)).toBe(3);
  });

  it('refuses certification outside the window, with open fatals and unacknowledged warnings', async () => {
    now = '2025-10-06T18:00:00Z';
    expect(await cert.certify(eventId, district, users.p1)).toMatchObject({
      reason: 'Certification opens on 2025-10-07.',
    });
    now = '2025-10-10T18:00:00Z';
    await finding('fatal', 'f1');
    expect((await cert.certify(eventId, district, users.p1)) as { reason: string }).toMatchObject({
      reason: expect.stringContaining('1 fatal finding'),
    });
    await sql`UPDATE validation_finding SET resolved_at = now() WHERE finding_key = 'f1'`.execute(t.db);
    await finding('warning', 'w1');
    expect(await cert.certify(eventId, district, users.p1)).toMatchObject({
      reason: expect.stringContaining('1 warning(s) are not acknowledged'),
    });
    await sql`UPDATE validation_finding SET acknowledged_at = now() WHERE finding_key = 'w1'`.execute(t.db);
    expect(await cert.certify(eventId, district, users.sec)).toMatchObject({ kind: 'refused' });
    now = '2025-10-23T18:00:00Z';
    expect(await cert.certify(eventId, district, users.p1)).toMatchObject({
      reason: expect.stringContaining('ask the state for an extension'),
    });
    expect((await deadlines.extend(eventId, district, '2025-10-31', 'flood', users.state)).kind).toBe('done');
  });

  it('lets two primaries certify at the same moment and takes exactly one snapshot', async () => {
    const [a, b] = await Promise.all([
      cert.certify(eventId, district, users.p1),
      cert.certify(eventId, district, users.p2),
    ]);
    const statuses = [a, b].map((r) => (r.kind === 'done' ? r.status : r.kind)).sort();
    expect(statuses).toEqual(['in-progress', 'sent-to-state']);
    const list = await snaps.list(eventId, district);
    expect(list).toHaveLength(1);
    expect(list[0]!.rowCount).toBe(2);
    expect(list[0]!.contentHash).toMatch(/^[0-9a-f]{32}$/);
    expect(await cert.certify(eventId, district, users.p1)).toMatchObject({ kind: 'refused' });
  });

  it('refuses UPDATE and DELETE of snapshot rows in the database itself', async () => {
    // The event freezes demographics: its rows are in the students' snapshot table.
    await expect(sql`UPDATE snapshot_student SET record_key = 'x'`.execute(t.db)).rejects.toThrow(
      /immutable/,
    );
    await expect(sql`DELETE FROM snapshot_student`.execute(t.db)).rejects.toThrow(/immutable/);
    await expect(sql`TRUNCATE snapshot_enrollment`.execute(t.db)).rejects.toThrow(/immutable/);
    await expect(sql`DELETE FROM certification_snapshot`.execute(t.db)).rejects.toThrow(/immutable/);
    await expect(sql`UPDATE certification_snapshot SET content_hash = 'x'`.execute(t.db)).rejects.toThrow(
      /immutable/,
    );
  });

  it('seals with the md5 of the stored rows’ digests and refuses rows without a header', async () => {
    const [s] = await snaps.list(eventId, district);
    const frozen = async (alias: string, template: string) => {
      const source = SNAPSHOT_SOURCES.get(template)!;
      return frozenRow(alias, frozenColumns(source, await sourceColumns(t.db, [source])));
    };
    const enrollment = await frozen('e', 'student-enrollment');
    const student = await frozen('d', 'student-demographics');
    // Decisions 0048 and 0080 recomputed from the stored typed rows: each digest is md5 of template | key | the
    // row's text form, and the seal, computed while they were inserted, is the md5 of the ordered digests.
    const r = await sql<{ h: string; stored: number; recomputed: number }>`
      WITH x AS (
        SELECT 'student-enrollment' AS template_id, e.record_key, e.digest,
          md5('student-enrollment|' || e.record_key || '|' || ${sql.raw(enrollment)}::text) AS d
        FROM snapshot_enrollment e WHERE e.snapshot_id = ${s!.id}
        UNION ALL
        SELECT 'student-demographics', d.record_key, d.digest,
          md5('student-demographics|' || d.record_key || '|' || ${sql.raw(student)}::text)
        FROM snapshot_student d WHERE d.snapshot_id = ${s!.id})
      SELECT md5(coalesce(string_agg(digest, E'\n' ORDER BY template_id, record_key, digest), '')) AS h,
        count(*)::int AS stored, count(*) FILTER (WHERE d = digest)::int AS recomputed FROM x`.execute(t.db);
    expect(s!.contentHash).toBe(r.rows[0]!.h);
    expect(r.rows[0]!.recomputed).toBe(r.rows[0]!.stored);
    await expect(
      sql`INSERT INTO snapshot_enrollment (snapshot_id, record_key, digest) VALUES (-1, '1', 'x')`.execute(
        t.db,
      ),
    ).rejects.toThrow(/header/);
  });

  it('runs approve → recertification request → accept → certify again → new snapshot, old kept', async () => {
    expect(await cert.approve(eventId, district, users.state)).toMatchObject({ status: 'approved' });
    expect(await count(`SELECT count(*) AS n FROM notification WHERE kind = 'certification-approved'`)).toBe(
      3,
    );
    expect(await cert.requestRecertification(eventId, district, users.p1, '')).toMatchObject({
      kind: 'refused',
    });
    expect(await cert.requestRecertification(eventId, district, users.p1, 'late transfer')).toMatchObject({
      status: 'recertification-requested',
    });
    expect(await cert.acceptRecertification(eventId, district, users.state)).toMatchObject({
      status: 'recertification-in-progress',
      round: 2,
    });
    const s = await sql<{ id: number }>`INSERT INTO student (state_id, last_name, first_name)
      VALUES ('100000003', 'New', 'Kid') RETURNING id`.execute(t.db);
    await sql`INSERT INTO student_district (student_id, district_number) VALUES (${s.rows[0]!.id}, ${district})`.execute(
      t.db,
    );
    await sql`UPDATE student SET first_name = 'Changed' WHERE state_id = '100000001'`.execute(t.db);
    expect(await cert.certify(eventId, district, users.p1)).toMatchObject({ status: 'in-progress' });
    const last = await cert.certify(eventId, district, users.p2);
    expect(last).toMatchObject({ status: 'sent-to-state' });
    const [fresh, old] = await snaps.list(eventId, district);
    expect(fresh!.rowCount).toBe(3);
    expect(old!.rowCount).toBe(2);
    expect(old!.supersededBy).toBe(fresh!.id);
    expect(fresh!.contentHash).not.toBe(old!.contentHash);
    const diff = await snaps.diff(old!.id, { snapshot: fresh!.id });
    expect(diff).toMatchObject({
      kind: 'done',
      templates: expect.arrayContaining([
        expect.objectContaining({ template: 'student-demographics', added: 1, removed: 0, changed: 1 }),
      ]),
    });
    const live = await snaps.diff(fresh!.id, 'live');
    expect(live).toMatchObject({
      kind: 'done',
      templates: expect.arrayContaining([expect.objectContaining({ added: 0, removed: 0, changed: 0 })]),
    });
  });

  it('records every transition in the log and the audit log', async () => {
    const log = await snaps.transitions(eventId, district);
    expect(log.map((l) => l.command)).toEqual([
      'extend',
      'certify',
      'certify',
      'approve',
      'request-recertification',
      'accept-recertification',
      'certify',
      'certify',
    ]);
    expect(log[4]).toMatchObject({
      from: 'approved',
      to: 'recertification-requested',
      reason: 'late transfer',
    });
    expect(
      await count(`SELECT count(*) AS n FROM audit_event WHERE action LIKE 'certification.%'`),
    ).toBeGreaterThan(9);
  });

  it('returns with a reason and reopens certified districts on request of the state', async () => {
    expect(await cert.returnToDistrict(eventId, district, users.state, 'counts look low')).toMatchObject({
      status: 'returned',
    });
    await cert.certify(eventId, district, users.p1);
    await cert.certify(eventId, district, users.p2);
    const r = await deadlines.reopen(eventId, { reason: 'deadline extended', recertify: true }, users.state);
    expect(r).toEqual({ kind: 'done', reopened: [district] });
    expect(await count(`SELECT count(*) AS n FROM notification WHERE kind = 'certification-reopened'`)).toBe(
      3,
    );
  });
});
