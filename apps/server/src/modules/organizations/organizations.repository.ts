/** SQL for districts and schools; rows are mapped to contract shapes here and nowhere else. */
import { sql } from 'kysely';
import type { District, DistrictListQuery, School, SchoolListQuery } from '@bitterroot/contracts';
import type { Executor } from '../../db/database.ts';

const sortColumns = {
  districtNumber: 'd.district_number',
  name: 'd.name',
  level: 'd.level',
  studentCount: 'student_count',
  schoolCount: 'school_count',
  ccdEnrollment: 'd.ccd_enrollment',
} as const;

function districtSelect(db: Executor, schoolYear: number) {
  return db.selectFrom('district as d').select([
    'd.district_number',
    'd.name',
    'd.nces_leaid',
    'd.level',
    'd.ccd_enrollment',
    (eb) =>
      eb
        .selectFrom('school as s')
        .whereRef('s.district_number', '=', 'd.district_number')
        .select(eb.fn.countAll<number>().as('n'))
        .as('school_count'),
    (eb) =>
      eb
        .selectFrom('enrollment as e')
        .whereRef('e.district_number', '=', 'd.district_number')
        .where('e.school_year', '=', schoolYear)
        .select(sql<number>`count(DISTINCT e.student_id)`.as('n'))
        .as('student_count'),
  ]);
}

type DistrictRow = {
  district_number: string;
  name: string;
  nces_leaid: string | null;
  level: string;
  ccd_enrollment: number | null;
  school_count: number | null;
  student_count: number | null;
};

function toDistrict(r: DistrictRow): District {
  return {
    districtNumber: r.district_number,
    name: r.name,
    ncesLeaId: r.nces_leaid,
    level: r.level as District['level'],
    ccdEnrollment: r.ccd_enrollment,
    schoolCount: Number(r.school_count ?? 0),
    studentCount: Number(r.student_count ?? 0),
  };
}

/** A page of districts with enrollment counts for the school year. */
export async function listDistricts(
  db: Executor,
  query: DistrictListQuery,
  schoolYear: number,
): Promise<{ items: District[]; total: number }> {
  let q = districtSelect(db, schoolYear);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('d.name', 'ilike', like), eb('d.district_number', 'like', like)]));
  }
  if (query.level) q = q.where('d.level', '=', query.level);
  const rows = await db
    .selectFrom(q.as('x'))
    .selectAll()
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy(sql.ref(sortColumns[query.sort].replace(/^d\./, '')), query.order)
    .orderBy('district_number')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return {
    items: rows.map(toDistrict),
    total: rows[0]?.total ?? (query.offset > 0 ? await countDistricts(db) : 0),
  };
}

async function countDistricts(db: Executor): Promise<number> {
  const r = await db
    .selectFrom('district')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return r.n;
}

/** One district, or undefined. */
export async function findDistrict(
  db: Executor,
  districtNumber: string,
  schoolYear: number,
): Promise<District | undefined> {
  const row = await districtSelect(db, schoolYear)
    .where('d.district_number', '=', districtNumber)
    .executeTakeFirst();
  return row ? toDistrict(row) : undefined;
}

/** A page of a district's schools with enrolled-student counts. */
export async function listSchools(
  db: Executor,
  districtNumber: string,
  query: SchoolListQuery,
  schoolYear: number,
): Promise<{ items: School[]; total: number }> {
  let q = db
    .selectFrom('school as s')
    .where('s.district_number', '=', districtNumber)
    .select([
      's.school_number',
      's.district_number',
      's.name',
      's.kind',
      's.low_grade',
      's.high_grade',
      (eb) =>
        eb
          .selectFrom('enrollment as e')
          .whereRef('e.school_number', '=', 's.school_number')
          .where('e.school_year', '=', schoolYear)
          .select(sql<number>`count(DISTINCT e.student_id)`.as('n'))
          .as('student_count'),
      sql<number>`count(*) over ()`.as('total'),
    ]);
  if (query.q) q = q.where('s.name', 'ilike', `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const rows = await q.orderBy('s.school_number').limit(query.limit).offset(query.offset).execute();
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      schoolNumber: r.school_number,
      districtNumber: r.district_number,
      name: r.name,
      kind: r.kind as School['kind'],
      lowGrade: r.low_grade,
      highGrade: r.high_grade,
      studentCount: Number(r.student_count ?? 0),
    })),
  };
}
