import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { TEST_SCHOOL_YEAR } from '../../test/test-env.ts';
import { testProfile } from '../../test/test-profile.ts';
import { buildEnrollment, buildStudent, places } from '../modules/validation/fixtures.test-helper.ts';
import { repoRoot } from '../platform/config.ts';
import type { Clock } from '../platform/scheduler.ts';
import { localDate, runNightly, startNightly } from './nightly.ts';

// The nightly work of serve and demo (issue 6 §2): a statewide validation run recorded like on-demand runs,
// and an early-warning scoring run as of the night's date, started by the scheduler at the configured time.

const Y = TEST_SCHOOL_YEAR;
const profileDir = resolve(repoRoot, 'profiles/montana');
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  const p = await places(t);
  // A military start status without a connection: a fatal finding for the nightly run to record.
  await buildEnrollment(t, (await buildStudent(t)).id, p.a, { start_status: '40' });
});
afterAll(async () => {
  await t.drop();
});

describe('the nightly run', () => {
  it('validates the state as a recorded nightly run and stores a scoring run as of the date', async () => {
    const out = await runNightly(t, await testProfile(), { schoolYear: Y, profileDir }, `${Y}-03-02`);
    expect(out.errors).toEqual([]);
    expect(out.validation?.fatal).toBeGreaterThan(0);
    const run = await t.db
      .selectFrom('validation_run')
      .selectAll()
      .where('id', '=', out.validation!.runId)
      .executeTakeFirstOrThrow();
    expect([run.scope, run.trigger, run.district_number]).toEqual(['state', 'nightly', null]);
    expect(run.finished_at).not.toBeNull();
    const open = await t.db
      .selectFrom('validation_finding')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('rule_id', '=', 'ENR-005')
      .where('resolved_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(open.n)).toBe(1);
    const scoring = await t.db
      .selectFrom('ews_score_run')
      .selectAll()
      .where('id', '=', out.scoring!.runId)
      .executeTakeFirstOrThrow();
    expect(String(scoring.as_of).slice(0, 10)).toBe(`${Y}-03-02`);
    expect(scoring.started_by).toBeNull();
  });

  it('is started by the scheduler at the configured time, and not at all when disabled', async () => {
    const timers: { ms: number; run: () => void }[] = [];
    let now = new Date(Y, 2, 3, 1, 0);
    const clock: Clock = {
      now: () => now,
      setTimer: (run, ms) => timers.push({ ms, run }),
      clearTimer: () => undefined,
    };
    const config = { schoolYear: Y, profileDir, nightly: { enabled: true, at: '01:30' } };
    const job = startNightly(t, await testProfile(), config, clock)!;
    expect(timers.map((x) => x.ms)).toEqual([30 * 60_000]);
    const before = await t.db
      .selectFrom('validation_run')
      .select('id')
      .where('trigger', '=', 'nightly')
      .execute();
    now = new Date(Y, 2, 3, 1, 30);
    timers[0]!.run();
    await job.stop();
    const after = await t.db
      .selectFrom('validation_run')
      .select('id')
      .where('trigger', '=', 'nightly')
      .execute();
    expect(after.length).toBe(before.length + 1);
    const scored = await t.db.selectFrom('ews_score_run').select('as_of').execute();
    expect(scored.map((s) => String(s.as_of).slice(0, 10))).toContain(localDate(now));
    const off = { ...config, nightly: { enabled: false, at: '01:30' } };
    expect(startNightly(t, await testProfile(), off, clock)).toBeNull();
  });
});
