/**
 * Labelled training rows of one cohort: everyone enrolled in grades 6–12 on the training date of a school
 * year, with features as of that date (the scoring path) and the label from the last enrollment within the
 * horizon (decision 0056). Rows without a label are counted by reason, never silently dropped.
 */
import {
  auditGroups,
  featuresFromTotals,
  horizonEnd,
  horizonFor,
  labelOf,
  type EwsGrade,
  type EwsSettings,
  type TrainingRow,
} from '@bitterroot/core';
import type { Executor } from '../../db/database.ts';
import { analyzeStaleEwsTables, readLastEnrollments, readRawStudents } from './ews-inputs.repository.ts';

/** The as-of date of a school year's training rows: the profile's month-day in that year. */
export function trainingDate(schoolYear: number, monthDay: string): string {
  const month = Number(monthDay.slice(0, 2));
  return `${month >= 7 ? schoolYear - 1 : schoolYear}-${monthDay}`;
}

/** The school year (by end year) of a date: years start on July 1. */
export function schoolYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 7 ? year + 1 : year;
}

const GRADES: EwsGrade[] = [6, 7, 8, 9, 10, 11, 12];

/** A cohort's rows by grade and the count of rows left out per reason. */
export type Cohort = { rows: Map<EwsGrade, TrainingRow[]>; excluded: Record<string, number> };

/** Builds the labelled rows of one school year. */
export async function cohortRows(
  db: Executor,
  schoolYear: number,
  settings: EwsSettings,
  raceLabels: ReadonlyMap<string, string>,
): Promise<Cohort> {
  const asOf = trainingDate(schoolYear, settings.trainingAsOf);
  const filter = { schoolYear, asOf };
  await analyzeStaleEwsTables(db);
  const students = await readRawStudents(db, filter);
  // One read of last enrollments per distinct outcome window (grade 6 may look further ahead).
  const ends = new Map<number, string>();
  const lastBy = new Map<string, Awaited<ReturnType<typeof readLastEnrollments>>>();
  for (const g of GRADES) ends.set(g, horizonEnd(schoolYear, horizonFor(settings, g)));
  for (const end of new Set(ends.values())) lastBy.set(end, await readLastEnrollments(db, filter, end));
  const rows = new Map<EwsGrade, TrainingRow[]>();
  const excluded: Record<string, number> = {};
  for (const s of students) {
    const end = ends.get(s.grade as EwsGrade)!;
    const l = lastBy.get(end)!.get(s.studentId);
    const outcome = l ? labelOf(l, end, settings.labels) : { excluded: 'unknown-status' as const };
    if ('excluded' in outcome) {
      excluded[outcome.excluded] = (excluded[outcome.excluded] ?? 0) + 1;
      continue;
    }
    const grade = s.grade as EwsGrade;
    const list = rows.get(grade) ?? [];
    list.push({
      features: featuresFromTotals(s, asOf, grade),
      label: outcome.label,
      groups: auditGroups(s, raceLabels),
    });
    rows.set(grade, list);
  }
  return { rows, excluded };
}
