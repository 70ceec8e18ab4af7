/**
 * EDFacts file specifications as data (edfacts.md §1–§9, verified there for SY 2020-21 to 2022-23 from CEDS
 * Generate metadata): table names, header file types, category columns in layout order, category sets with their
 * total indicators, and the amount's width. Re-check each against the current year's EDPass spec (decision 0050).
 */
import type { EdfactsFile } from '@bitterroot/contracts';

/** A reporting level: state (SEA), district (LEA) or school. */
export type EdfactsLevel = 'sea' | 'lea' | 'sch';

/**
 * A category set: its code (CSA…, ST1…, TOT/EUT), its categories, and whether rows are totals (Y). A set of a
 * second table in the same file (FS033 DIRECTCERT) names its table; `requires` names a category a fact must carry
 * to be counted in the set (a total of only the students with that status).
 */
export type CategorySet = {
  code: string;
  categories: readonly string[];
  total: boolean;
  table?: string;
  requires?: string;
};

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

/**
 * The files the exporter writes, by id (edfacts.md §2 FS052, §3 FS033, §4 FS141, §5 FS118, §6 FS032, §7 FS150/151,
 * §8 FS195, §9 FS006, §10 FS002).
 */
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
  // edfacts.md §3: school level only; LUNCHFREERED by lunch status with its total, and the DIRECTCERT total
  // (decision 0061).
  FS033: {
    id: 'FS033',
    number: '033',
    levels: ['sch'],
    tableName: 'LUNCHFREERED',
    fileType: { sch: 'SCHOOL FREE AND REDUCED PRICE LUNCH' },
    columns: ['LUNCHPROG'],
    sets: [
      set('CSA', 'LUNCHPROG'),
      { ...set('TOT'), requires: 'LUNCHPROG' },
      { ...set('TOT'), table: 'DIRECTCERT', requires: 'DIRECTCERT' },
    ],
    amountWidth: 10,
    amount: 'count',
  },
  // edfacts.md §4: grade, home language, race/ethnicity and IDEA status of ELs enrolled on the count date.
  FS141: {
    id: 'FS141',
    number: '141',
    levels: ['sea', 'lea', 'sch'],
    tableName: 'LEPENROLLED',
    fileType: levelTypes('LEP ENROLLED'),
    columns: ['GRADELVBASICW13', 'LANGHOME', 'RACEETHNIC', 'DISABSTATUS'],
    sets: [
      set('CSA', 'GRADELVBASICW13'),
      set('CSB', 'LANGHOME'),
      set('CSC', 'RACEETHNIC'),
      set('CSD', 'DISABSTATUS'),
      set('TOT'),
    ],
    amountWidth: 10,
    amount: 'count',
  },
  // edfacts.md §5: SEA and LEA only; at SEA level the LEA and school fields are filler, as in every file.
  FS118: {
    id: 'FS118',
    number: '118',
    levels: ['sea', 'lea'],
    tableName: 'HOMLESENROLCNT',
    fileType: {
      sea: 'SEA HOMELESS STUDENTS ENROLLED SY COUNT',
      lea: 'LEA HOMELESS STUDENTS ENROLLED SY COUNT',
    },
    columns: [
      'AGE3TOGRADE13',
      'HOMELSPRMRES',
      'DISABSTATUS',
      'LEPONLY',
      'MIGRNTSTATUS',
      'HOMELESSUNAC',
      'RACEETHNIC',
    ],
    sets: [
      set('CSA', 'AGE3TOGRADE13'),
      set('CSB', 'HOMELSPRMRES'),
      set('CSC', 'DISABSTATUS'),
      set('CSD', 'LEPONLY'),
      set('CSE', 'MIGRNTSTATUS'),
      set('CSF', 'HOMELESSUNAC'),
      set('CSG', 'HOMELESSUNAC', 'HOMELSPRMRES'),
      set('CSH', 'RACEETHNIC'),
      set('TOT'),
    ],
    amountWidth: 10,
    amount: 'count',
  },
  // edfacts.md §10: the shared IDEA layout with its fillers; disability category and educational environment
  // are not collected, so the sets that need them carry no rows (decision 0062).
  FS002: {
    id: 'FS002',
    number: '002',
    levels: ['sea', 'lea', 'sch'],
    tableName: 'IDEADISAB',
    fileType: levelTypes('CHILDREN WITH DISABILITIES'),
    columns: [
      15,
      'RACEETHNIC',
      'SEX',
      15,
      15,
      15,
      15,
      15,
      15,
      'DISABCATIDEA',
      15,
      15,
      'AGESA',
      'EDENVIRIDEASA',
      'LEPBOTH',
    ],
    sets: [
      set('CSA', 'DISABCATIDEA', 'RACEETHNIC', 'SEX'),
      set('CSB', 'AGESA', 'DISABCATIDEA', 'EDENVIRIDEASA'),
      set('CSC', 'EDENVIRIDEASA', 'RACEETHNIC'),
      set('CSD', 'DISABCATIDEA', 'EDENVIRIDEASA', 'SEX'),
      set('CSE', 'DISABCATIDEA', 'EDENVIRIDEASA', 'LEPBOTH', 'SEX'),
      set('ST1', 'SEX'),
      set('ST2', 'AGESA'),
      set('ST3', 'DISABCATIDEA'),
      set('ST4', 'RACEETHNIC'),
      set('ST5', 'LEPBOTH'),
      set('ST6', 'EDENVIRIDEASA'),
      set('ST7', 'AGESA', 'EDENVIRIDEASA'),
      set('TOT'),
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
