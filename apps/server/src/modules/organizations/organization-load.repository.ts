/** Writes the deterministic organisation structure (districts, legal entities, schools, calendars). */
import type { Organization } from '@bitterroot/core';
import { schoolYearEnd, schoolYearLabel, schoolYearStart } from '@bitterroot/core';
import type { Executor } from '../../db/database.ts';

/** Upserts the school year row. */
export async function upsertSchoolYear(db: Executor, endYear: number): Promise<void> {
  await db
    .insertInto('school_year')
    .values({
      end_year: endYear,
      label: schoolYearLabel(endYear),
      start_date: schoolYearStart(endYear),
      end_date: schoolYearEnd(endYear),
    })
    .onConflict((oc) => oc.column('end_year').doNothing())
    .execute();
}

/**
 * Upserts the organisation for one school year. Re-running with the same input changes nothing, so
 * `init` is idempotent; names and levels follow the profile when it changes.
 */
export async function upsertOrganization(db: Executor, org: Organization): Promise<void> {
  await upsertSchoolYear(db, org.schoolYear);
  await db
    .insertInto('district')
    .values(
      org.districts.map((d) => ({
        district_number: d.districtNumber,
        name: d.name,
        nces_leaid: d.ncesLeaId,
        level: d.level,
        ccd_enrollment: d.ccdEnrollment,
        ccd_staff_fte: String(d.ccdInstructionalStaffFte),
      })),
    )
    .onConflict((oc) =>
      oc.column('district_number').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        level: eb.ref('excluded.level'),
        ccd_enrollment: eb.ref('excluded.ccd_enrollment'),
        ccd_staff_fte: eb.ref('excluded.ccd_staff_fte'),
      })),
    )
    .execute();
  const entities = org.districts.flatMap((d) =>
    d.legalEntities.map((le) => ({
      le_code: le.code,
      district_number: d.districtNumber,
      kind: le.budgetUnit,
      name: le.name,
    })),
  );
  if (entities.length)
    await db
      .insertInto('legal_entity')
      .values(entities)
      .onConflict((oc) => oc.column('le_code').doNothing())
      .execute();
  await db
    .insertInto('school')
    .values(
      org.schools.map((s) => ({
        school_number: s.schoolNumber,
        district_number: s.districtNumber,
        name: s.name,
        kind: s.kind,
        low_grade: s.lowGrade,
        high_grade: s.highGrade,
      })),
    )
    .onConflict((oc) =>
      oc
        .column('school_number')
        .doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), kind: eb.ref('excluded.kind') })),
    )
    .execute();
  for (let i = 0; i < org.calendars.length; i += 1000) {
    await db
      .insertInto('calendar')
      .values(
        org.calendars.slice(i, i + 1000).map((c) => ({
          school_number: c.schoolNumber,
          school_year: c.schoolYear,
          calendar_number: c.calendarNumber,
          name: c.name,
          calendar_type: c.type,
          start_date: c.startDate,
          end_date: c.endDate,
          instructional_days: c.instructionalDays,
          state_exclude: c.stateExclude,
        })),
      )
      .onConflict((oc) => oc.columns(['school_number', 'school_year', 'calendar_number']).doNothing())
      .execute();
  }
}
