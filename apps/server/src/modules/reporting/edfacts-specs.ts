/**
 * EDFacts file specifications as data (edfacts.md §1–§9, verified there for SY 2020-21 to 2022-23 from CEDS
 * Generate metadata): table names, header file types, category columns in layout order, category sets with their
 * total indicators, and the amount's width. Re-check each against the current year's EDPass spec (decision 0050).
 */
import type { EdfactsFile } from '@bitterroot/contracts';

/** A reporting level: state (SEA), district (LEA) or school. */
export type EdfactsLevel = 'sea' | 'lea' | 'sch';

/** A category set: its code (CSA…, ST1…, TOT/EUT), its categories, and whether rows are totals (Y). */
export type CategorySet = { code: string; categories: readonly string[]; total: boolean };

/** One file specification. `columns` lists category codes in layout order; numbers are filler widths. */
export type EdfactsSpec = {
  id: EdfactsFile;
  /** Three-digit file number used in the header's file identifier. */
  number: string;
  levels: readonly EdfactsLevel[];
  tableName: string;
  fileType: Readonly<Partial<Record<EdfactsLevel, string>>>;
  columns: readonly (string | number)[];
  sets: readonly CategorySet[];
  amountWidth: number;
  /** FS150 reports a rate (graduates ÷ cohort × 100, two decimals; edfacts.md §7), the others a count. */
  amount: 'count' | 'rate';
};

const set = (code: string, ...categories: string[]): CategorySet => ({
  code,
  categories,
  total: !code.startsWith('CS'),
});

const levelTypes = (name: string) => ({ sea: `SEA ${name}`, lea: `LEA ${name}`, sch: `SCHOOL ${name}` });

const ACGR_COLUMNS = ['MAJORREG', 'DISABSTATUS', 'LEPONLY', 'ECODIS', 'HOMELSENRLSTAT', 'FSTRCRSTS'];
const ACGR_SETS = ['CSA', 'CSB', 'CSC', 'CSD', 'CSE', 'CSF'];

/** The files the exporter writes, by id (edfacts.md §2 FS052, §6 FS032, §7 FS150/151, §8 FS195, §9 FS006). */
export const EDFACTS_SPECS: Readonly<Record<EdfactsFile, EdfactsSpec>> = {
  FS052: {
    id: 'FS052',
    number: '052',
    levels: ['sea', 'lea', 'sch'],
    tableName: 'MEMBER',
    fileType: levelTypes('MEMBERSHIP TABLE'),
    columns: ['GRADELVMEM', 'RACEETHNIC', 'SEX'],
    sets: [
      set('CSA', 'GRADELVMEM', 'RACEETHNIC', 'SEX'),
      set('ST1', 'GRADELVMEM', 'RACEETHNIC'),
      set('ST2', 'GRADELVMEM', 'SEX'),
      set('ST3', 'RACEETHNIC', 'SEX'),
      set('ST4', 'GRADELVMEM'),
      set('TOT'),
    ],
    amountWidth: 10,
    amount: 'count',
  },
  FS032: {
    id: 'FS032',
    number: '032',
    levels: ['sea', 'lea', 'sch'],
    tableName: 'DROPOUTCNT',
    fileType: levelTypes('DROPOUT'),
    columns: [
      'GRADELDROP',
      'RACEETHNIC',
      'SEX',
      'DISABSTATIDEA',
      'LEPONLY',
      'MIGRNTSTATUS',
      'ECODIS',
      'HOMELSENRLSTAT',
    ],
    sets: [
      set('CSA', 'GRADELDROP', 'RACEETHNIC', 'SEX'),
      set('CSB', 'DISABSTATIDEA', 'GRADELDROP'),
      set('CSC', 'GRADELDROP', 'LEPONLY'),
      set('CSD', 'ECODIS', 'GRADELDROP'),
      set('CSE', 'GRADELDROP', 'MIGRNTSTATUS'),
      set('CSF', 'GRADELDROP', 'HOMELSENRLSTAT'),
      set('ST1', 'GRADELDROP'),
      set('TOT'),
    ],
    amountWidth: 10,
    amount: 'count',
  },
  FS150: {
    id: 'FS150',
    number: '150',
    levels: ['sea', 'lea', 'sch'],
    tableName: 'GRADRT4YRADJ',
    fileType: levelTypes('GRADUATION RATE ADJUSTED COHORT'),
    columns: ACGR_COLUMNS,
    sets: [...ACGR_SETS.map((c, i) => set(c, ACGR_COLUMNS[i]!)), set('EUT')],
    amountWidth: 6,
    amount: 'rate',
  },
  FS151: {
    id: 'FS151',
    number: '151',
    levels: ['sea', 'lea', 'sch'],
    tableName: 'GRADCOHORT4YR',
    fileType: levelTypes('GRADUATION COHORTS'),
    columns: [...ACGR_COLUMNS, 'COHSTATUS'],
    sets: [
      ...ACGR_SETS.map((c, i) => set(c, 'COHSTATUS', ACGR_COLUMNS[i]!)),
      set('ST1', 'COHSTATUS'),
      set('EUT'),
    ],
    amountWidth: 8,
    amount: 'count',
  },
  FS195: {
    id: 'FS195',
    number: '195',
    levels: ['sch'],
    tableName: 'CHRONABSENT',
    fileType: { sch: 'SCH CHRON ABSENT' },
    columns: ['SEX', 'RACEETHNIC', 'DISABSTATUS', 'DISABSTATUS504', 'LEPONLY', 'HOMELSENRLSTAT', 90],
    sets: [
      set('CSA', 'RACEETHNIC', 'SEX'),
      set('CSB', 'DISABSTATUS', 'SEX'),
      set('CSC', 'DISABSTATUS504', 'SEX'),
      set('CSD', 'LEPONLY', 'SEX'),
      set('CSE', 'HOMELSENRLSTAT', 'SEX'),
      set('EUT'),
    ],
    amountWidth: 10,
    amount: 'count',
  },
  FS006: {
    id: 'FS006',
    number: '006',
    levels: ['sea', 'lea'],
    tableName: 'IDEASUSEXPL',
    fileType: {
      sea: 'SEA CHILDREN WITH DISAB (IDEA) MULTI SUSPEN EXPU',
      lea: 'LEA CHILDREN WITH DISAB (IDEA) MULTI SUSPEN EXPU',
    },
    columns: [
      'REMOVALLENSUS',
      'RACEETHNIC',
      'SEX',
      15,
      15,
      15,
      15,
      15,
      15,
      'DISABCATIDEA',
      'LEPBOTH',
      'DSCPLMETHOD',
    ],
    sets: [
      set('CSA', 'DISABCATIDEA', 'DSCPLMETHOD', 'REMOVALLENSUS'),
      set('CSB', 'DSCPLMETHOD', 'RACEETHNIC', 'REMOVALLENSUS'),
      set('CSC', 'DSCPLMETHOD', 'REMOVALLENSUS', 'SEX'),
      set('CSD', 'DSCPLMETHOD', 'LEPBOTH', 'REMOVALLENSUS'),
      set('ST1', 'DSCPLMETHOD', 'REMOVALLENSUS'),
    ],
    amountWidth: 10,
    amount: 'count',
  },
};

/** Cohort-length variants of FS150/FS151 (edfacts.md §7: GRADRT5YRADJ, GRADCOHORT6YR, …). */
export function acgrSpec(spec: EdfactsSpec, years: number): EdfactsSpec {
  if (spec.id === 'FS150') return { ...spec, tableName: `GRADRT${years}YRADJ` };
  if (spec.id === 'FS151') return { ...spec, tableName: `GRADCOHORT${years}YR` };
  return spec;
}
