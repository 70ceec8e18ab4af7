/**
 * Student facts for the EDFacts files: traits mapped to permitted values (edfacts.md §1.6 and each file's table),
 * one fact per student and reporting context. Statuses Montana does not collect (migratory, foster care, IDEA
 * disability category) stay empty, so those category sets carry no rows (decision 0050).
 */
import { chronicAbsence, reportableBehavior, type ReportingSettings } from '@bitterroot/core';
import type { OutcomeLine } from '@bitterroot/contracts';
import type { AttendanceTraitRead, BehaviorRead } from './activity.repository.ts';
import type { EdfactsFact } from './edfacts-format.ts';
import type { Placed } from './outcomes.repository.ts';
import type { Traits } from './traits.repository.ts';

/** RACEETHNIC of a student: Hispanic first, then two or more races, else the one race (decision 0017). */
export function raceEthnic(t: Traits, races: ReadonlyMap<string, string>): string | null {
  if (t.hispanic) return 'HI7';
  const mapped = [...new Set(t.races.map((r) => races.get(r)).filter((r) => r !== undefined))];
  if (mapped.length > 1) return 'MU7';
  return mapped[0] ?? null;
}

// FS150/151 use the state's major racial and ethnic groups (edfacts.md §7 note: likely Montana values).
const MAJOR: Readonly<Record<string, string>> = {
  AM7: 'MAN',
  AS7: 'MA',
  BL7: 'MB',
  HI7: 'MHL',
  MU7: 'MM',
  PI7: 'MNP',
  WH7: 'MW',
};

const sex = (t: Traits) => (t.sex === 'F' || t.sex === 'M' ? t.sex : null);

/** Every category value a student can carry, keyed by EDFacts category code. */
export function categoriesOf(p: Placed, races: ReadonlyMap<string, string>): Record<string, string | null> {
  const race = raceEthnic(p, races);
  const grade = p.grade === 'KF' ? 'KG' : p.grade;
  return {
    GRADELVMEM: grade || null,
    GRADELDROP: /^(0[7-9]|1[0-2])$/.test(grade) ? grade : 'BELOW7',
    RACEETHNIC: race,
    MAJORREG: race === null ? null : (MAJOR[race] ?? null),
    SEX: sex(p),
    DISABSTATUS: p.idea ? 'WDIS' : null,
    DISABSTATIDEA: p.idea ? 'WDIS' : 'WODIS',
    DISABSTATUS504: p.s504 ? 'DISAB504STAT' : null,
    LEPONLY: p.el ? 'LEP' : null,
    LEPBOTH: p.el ? 'LEP' : 'NLEP',
    ECODIS: p.ecodis ? 'ECODIS' : null,
    HOMELSENRLSTAT: p.homeless ? 'HOMELSENRL' : null,
    MIGRNTSTATUS: null,
    FSTRCRSTS: null,
    DISABCATIDEA: null,
  };
}

const fact = (p: Placed, races: ReadonlyMap<string, string>, extra: Record<string, string> = {}) => ({
  lea: p.districtNumber,
  school: p.schoolNumber,
  categories: { ...categoriesOf(p, races), ...extra },
});

/** FS052: one fact per student in membership. */
export const membershipFacts = (rows: readonly Placed[], races: ReadonlyMap<string, string>): EdfactsFact[] =>
  rows.map((p) => fact(p, races));

/** FS032: one fact per dropout line, with the traits of its read. */
export function dropoutFacts(
  lines: readonly OutcomeLine[],
  reads: readonly Placed[],
  races: ReadonlyMap<string, string>,
): EdfactsFact[] {
  const byKey = new Map(reads.map((r) => [`${r.districtNumber}|${r.stateId}`, r]));
  return lines
    .filter((l) => l.counted)
    .map((l) => fact(byKey.get(`${l.districtNumber}|${l.stateId}`)!, races));
}

/** FS150 (rate over COHYES + COHNO) and FS151 (every status, COHREM included as its own value). */
export function cohortFacts(
  lines: readonly OutcomeLine[],
  reads: readonly Placed[],
  races: ReadonlyMap<string, string>,
  file: 'FS150' | 'FS151',
): EdfactsFact[] {
  return lines.flatMap((l, i) => {
    if (l.status === 'not-in-cohort' || (file === 'FS150' && l.status === 'COHREM')) return [];
    const f = fact(reads[i]!, races, file === 'FS151' ? { COHSTATUS: l.status } : {});
    return [{ ...f, numerator: l.status === 'COHYES' }];
  });
}

/** FS195: one fact per chronically absent student at each school (duplicated across schools by design). */
export function chronicFacts(
  rows: readonly AttendanceTraitRead[],
  races: ReadonlyMap<string, string>,
  reporting: ReportingSettings,
): EdfactsFact[] {
  const result = chronicAbsence(
    rows.map((r) => ({ ...r, grade: r.grade as never })),
    reporting,
  );
  const byKey = new Map(rows.map((r) => [`${r.districtNumber}|${r.schoolNumber}|${r.stateId}`, r]));
  return result.lines
    .filter((l) => l.chronic === true)
    .map((l) => fact(byKey.get(`${l.districtNumber}|${l.schoolNumber}|${l.stateId}`)!, races));
}

/**
 * FS006: IEP students by method (ISS → INSCHOOL; OSS, EXP → OUTOFSCHOOL) and cumulative days removed in the year,
 * ≤ 10 or > 10 (edfacts.md §9), from the reportable resolutions only.
 */
export function disciplineFacts(
  reads: readonly BehaviorRead[],
  schoolYear: number,
  races: ReadonlyMap<string, string>,
  reporting: ReportingSettings,
): EdfactsFact[] {
  const idea = reads.filter((r) => r.idea);
  const verdicts = reportableBehavior(
    idea.map((r) => ({ ...r, studentHasDisability: true })),
    { schoolYear },
    reporting,
  ).lines;
  const days = new Map<string, { read: BehaviorRead; method: string; days: number }>();
  idea.forEach((r, i) => {
    if (!verdicts[i]!.reportable) return;
    const method =
      r.resolutionCode === 'ISS'
        ? 'INSCHOOL'
        : r.resolutionCode === 'OSS' || r.resolutionCode === 'EXP'
          ? 'OUTOFSCHOOL'
          : null;
    if (method === null) return;
    const key = `${r.districtNumber}|${r.stateId}|${method}`;
    const acc = days.get(key) ?? { read: r, method, days: 0 };
    acc.days += r.durationDays ?? 0;
    days.set(key, acc);
  });
  return [...days.values()].map((d) =>
    fact(d.read, races, { DSCPLMETHOD: d.method, REMOVALLENSUS: d.days > 10 ? 'GREATER10' : 'LTOREQ10' }),
  );
}
