import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Profile } from '@bitterroot/contracts';
import type { MatchSettings } from '@bitterroot/core';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { testMatchSettings, testProfile } from '../../../test/test-profile.ts';
import { sdRow, writeMontanaFile } from '../../../test/upload-files.ts';
import { runUpload } from '../ingestion/upload.service.ts';
import { identityReviewService } from './identity-review.service.ts';

let t: TestDatabase;
let profile: Profile;
let matching: MatchSettings;

beforeAll(async () => {
  t = await createTestDatabase();
  profile = await testProfile();
  matching = await testMatchSettings();
  // The state already knows William Baker and Sofia Ortiz (district 0001).
  await upload('0001', [
    sdRow(profile, {
      student_local_id: '1',
      last_name: 'Baker',
      first_name: 'William',
      gender: 'M',
      birth_date: '04/09/2012',
    }),
    sdRow(profile, {
      student_local_id: '2',
      last_name: 'Ortiz',
      first_name: 'Sofia',
      middle_name: 'Luz',
      gender: 'F',
      birth_date: '02/17/2013',
    }),
  ]);
});
afterAll(async () => {
  await t.drop();
});

async function upload(district: string, lines: string[]) {
  const path = await writeMontanaFile(`sd-${district}.tsv`, lines);
  return await runUpload(t, profile, {
    path,
    fileName: 'sd.tsv',
    district,
    schoolYear: TEST_SCHOOL_YEAR,
    dryRun: false,
    matching,
  });
}

const links = async (district: string) =>
  (
    await sql<{
      n: number;
    }>`SELECT count(*) AS n FROM student_district WHERE district_number = ${district}`.execute(t.db)
  ).rows[0]!.n;

describe('statewide identity matching on Student Demographic upload', () => {
  it('links a nickname to the existing person instead of issuing a second state ID', async () => {
    const r = await upload('0002', [
      sdRow(profile, {
        district_number: '0002',
        student_local_id: '901',
        last_name: 'Baker',
        first_name: 'Bill',
        gender: 'M',
        birth_date: '04/09/2012',
      }),
    ]);
    expect(r.findings).toEqual([]);
    expect(r.status).toBe('committed');
    expect(r.summary).toMatchObject({ assigned: 0, matched: 1, held: 0 });
    const n = await sql<{ n: number }>`SELECT count(*) AS n FROM student WHERE last_name = 'Baker'`.execute(
      t.db,
    );
    expect(n.rows[0]!.n).toBe(1);
  });

  it('holds a doubtful match (transposed birth-date digits) for state review with a warning, issuing no ID', async () => {
    const r = await upload('0003', [
      sdRow(profile, {
        district_number: '0003',
        student_local_id: '902',
        last_name: 'Ortiz',
        first_name: 'Sofia',
        gender: 'F',
        birth_date: '02/17/2031',
      }),
    ]);
    expect(r.status).toBe('committed');
    expect(r.summary).toMatchObject({ assigned: 0, held: 1 });
    expect(r.findings).toEqual([
      expect.objectContaining({ code: 'ID-REVIEW', severity: 'warning', line: 2 }),
    ]);
    expect(await links('0003')).toBe(0);
  });

  it('lets state staff link, undo, and then issue a new person, auditing each step', async () => {
    const service = identityReviewService(t);
    const [item] = await service.list('open');
    expect(item).toMatchObject({
      districtNumber: '0003',
      incoming: { firstName: 'Sofia', birthDate: '02/17/2031' },
      candidate: { firstName: 'Sofia', birthDate: '2013-02-17', districts: ['0001'] },
    });
    expect(item!.reasons.length).toBeGreaterThan(0);
    expect(item!.score).toBeGreaterThanOrEqual(matching.reviewThreshold);

    const linked = await service.sameAs(item!.id, 'analyst-1');
    expect(linked.kind === 'done' && linked.item.resolution).toMatchObject({
      stateId: item!.candidate.stateId,
      by: 'analyst-1',
    });
    expect(await links('0003')).toBe(1);
    expect((await service.sameAs(item!.id, 'analyst-1')).kind).toBe('conflict');
    const undone = await service.unlink(item!.id, 'analyst-2');
    expect(undone.kind === 'done' && undone.item).toMatchObject({ status: 'open', resolution: null });
    expect(await links('0003')).toBe(0);
    const issued = await service.newPerson(item!.id, 'analyst-2');
    expect(issued.kind).toBe('done');
    expect(await links('0003')).toBe(1);
    const trail = await sql<{
      action: string;
      actor: string;
    }>`SELECT action, actor FROM identity_audit WHERE review_id = ${item!.id} ORDER BY id`.execute(t.db);
    expect(trail.rows).toEqual([
      { action: 'linked', actor: 'analyst-1' },
      { action: 'unlinked', actor: 'analyst-2' },
      { action: 'new-person', actor: 'analyst-2' },
    ]);
  });

  it('lists decided items with who decided, when, the state ID the row now carries, and the audit trail', async () => {
    const service = identityReviewService(t);
    expect(await service.list('open')).toEqual([]);
    const [item, ...rest] = await service.list('decided');
    expect(rest).toEqual([]);
    expect(await service.list('new')).toEqual([item]);
    expect(await service.list('linked')).toEqual([]);
    const issued = item!.resolution!;
    expect(item).toMatchObject({ status: 'new', districtNumber: '0003', resolution: { by: 'analyst-2' } });
    expect(issued.stateId).toMatch(/^\d{9}$/);
    expect(issued.stateId).not.toBe(item!.candidate.stateId);
    expect(Date.parse(issued.at ?? '')).toBeGreaterThanOrEqual(Date.parse(item!.createdAt));
    const detail = await service.get(item!.id);
    expect(detail?.history.map((h) => [h.action, h.actor, h.stateId])).toEqual([
      ['linked', 'analyst-1', item!.candidate.stateId],
      ['unlinked', 'analyst-2', item!.candidate.stateId],
      ['new-person', 'analyst-2', issued.stateId],
    ]);
    expect(await service.get(item!.id + 1000)).toBeUndefined();
  });

  it('keeps twins apart: same surname and birth date, different first names', async () => {
    const r = await upload('0004', [
      sdRow(profile, {
        district_number: '0004',
        student_local_id: '903',
        last_name: 'Baker',
        first_name: 'Emily',
        gender: 'F',
        birth_date: '04/09/2012',
      }),
    ]);
    expect(r.summary).toMatchObject({ assigned: 1, matched: 0, held: 0 });
  });
});
