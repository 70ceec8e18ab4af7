import type { Baseline } from './baseline.ts';
import type { GenContext, Origins } from './context.ts';
import { currentEnrollments } from './current-year.ts';
import type { DestinationPicker, Enrollment } from './current-year.ts';
import { gradeTargets } from './allocate.ts';
import { makeDefector } from './defects.ts';
import type { DistrictFiles } from './district-writer.ts';
import { makeRng } from './prng.ts';
import { fallCteRecord } from './records-programs.ts';
import type { ScaledDistrict } from './scale.ts';
import { simulateSchool } from './simulate.ts';
import { assignmentRecord, makeStaff, termsRecord } from './staff.ts';
import { writeStudentRows } from './student-rows.ts';
import type { RowSink } from './student-rows.ts';
import { writeTeaching } from './teaching.ts';

/** Counters a district run reports back. */
export interface DistrictStats {
  students: number;
  newToState: number;
}

/** A row sink for a district's files with its own defect and incident streams. */
export function rowSink(
  ctx: GenContext,
  districtNumber: string,
  files: DistrictFiles,
  stream: string,
): RowSink {
  let incident = 0;
  return {
    files,
    defector: makeDefector(makeRng(ctx.seed, `defects:${stream}:${districtNumber}`), ctx.defectRate),
    nextIncident: () => `${districtNumber}-${String(++incident).padStart(6, '0')}`,
  };
}

/** Generates one district: staff, each school's simulated history and current year, and all its template rows. */
export function generateDistrict(
  ctx: GenContext,
  origins: Origins,
  sd: ScaledDistrict,
  files: DistrictFiles,
  baseline: Baseline,
  pickDestination: DestinationPicker,
  pending: Map<string, Enrollment[]>,
): DistrictStats {
  const d = sd.district.districtNumber;
  const schools = ctx.schoolsByDistrict.get(d) ?? [];
  const targets = gradeTargets(schools, sd.students);
  const rng = makeRng(ctx.seed, `district:${d}`);
  const sizes = schools.map((s) => [...targets.get(s.schoolNumber)!.values()].reduce((a, b) => a + b, 0));
  const staff = makeStaff(ctx, rng, schools, sizes, sd.teachers);
  for (const list of staff.values()) {
    for (const s of list) {
      files.emit('TE', termsRecord(d, s, ctx.schoolYear));
      files.emit('DA', assignmentRecord(d, s, ctx.schoolYear));
      baseline.addStaff(s, d);
    }
  }
  const sink = rowSink(ctx, d, files, 'main');
  const plantOverlap = sink.defector.roll;
  const stats: DistrictStats = { students: 0, newToState: 0 };
  for (const school of schools) {
    const srng = makeRng(ctx.seed, `school:${school.schoolNumber}`);
    const pop = simulateSchool(ctx, origins, srng, school, targets.get(school.schoolNumber)!, (s) => {
      baseline.addStudent(s);
      s.years = [];
    });
    const atSchool: Enrollment[] = [];
    for (const entry of pop.current) {
      const { here, elsewhere } = currentEnrollments(
        ctx,
        srng,
        entry,
        school,
        origins.nextLocalId(d),
        pickDestination,
        plantOverlap,
      );
      here.forEach((en, i) => writeStudentRows(ctx, srng, sink, en, i === 0));
      atSchool.push(...here.filter((en) => en.school === school));
      for (const en of elsewhere) {
        const list = pending.get(en.districtNumber);
        if (list) list.push(en);
        else pending.set(en.districtNumber, [en]);
      }
      stats.students++;
      if (entry.student.known) baseline.addStudent(entry.student);
      else stats.newToState++;
      entry.student.years = [];
    }
    const cal = ctx.book.regular(school.schoolNumber, ctx.schoolYear);
    writeTeaching(
      srng,
      school,
      cal,
      atSchool,
      (staff.get(school.schoolNumber) ?? []).filter((s) => s.assignment === 'TCH'),
      ctx.schoolYear,
      files.emit,
    );
    const anchor = atSchool[0];
    if (anchor) {
      for (const g of pop.lastYearGraduates)
        if (srng.chance(0.3)) files.emit('CT', fallCteRecord(srng, g, anchor, ctx.schoolYear));
    }
  }
  return stats;
}
