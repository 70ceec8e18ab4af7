import { schoolYearLabel } from '../school-year.ts';
import type { SchoolYear } from '../school-year.ts';
import { jumpstartRule, regularRule } from './calendars.ts';
import type { CalendarRule } from './calendars.ts';
import { instructionalDates } from './calendars.ts';
import { townOf } from './names.ts';
import { planSchools } from './schools.ts';
import type {
  DistrictSeed,
  LegalEntity,
  OrgCalendar,
  OrgDistrict,
  OrgSchool,
  Organization,
} from './types.ts';

function legalEntities(seed: DistrictSeed, nextCode: () => string): LegalEntity[] {
  // K-12 systems keep separate elementary and high-school budget units (montana-facts.md §1.1).
  const units: LegalEntity['budgetUnit'][] =
    seed.level === 'elementary'
      ? ['elementary']
      : seed.level === 'high_school'
        ? ['high_school']
        : ['elementary', 'high_school'];
  const town = townOf(seed.name);
  return units.map((budgetUnit) => ({
    code: nextCode(),
    budgetUnit,
    name: `${town} ${budgetUnit === 'elementary' ? 'Elementary' : 'High School'}`,
  }));
}

/** Elementary districts feed the high-school district of the same town, else the nearest one in list order. */
function feederTargets(seeds: DistrictSeed[]): Map<string, string> {
  const highs = seeds.map((s, i) => ({ s, i })).filter(({ s }) => s.level === 'high_school');
  const byTown = new Map(highs.map(({ s }) => [townOf(s.name), s.districtNumber]));
  const out = new Map<string, string>();
  seeds.forEach((s, i) => {
    if (s.level !== 'elementary' || highs.length === 0) return;
    const same = byTown.get(townOf(s.name));
    if (same !== undefined) return void out.set(s.districtNumber, same);
    let best = highs[0]!;
    for (const h of highs) if (Math.abs(h.i - i) < Math.abs(best.i - i)) best = h;
    out.set(s.districtNumber, best.s.districtNumber);
  });
  return out;
}

function toCalendar(rule: CalendarRule, school: OrgSchool, calendarNumber: string): OrgCalendar {
  const days = instructionalDates(rule);
  const label = rule.type === 'J' ? 'Jumpstart' : schoolYearLabel(rule.schoolYear);
  return {
    calendarNumber,
    districtNumber: school.districtNumber,
    schoolNumber: school.schoolNumber,
    schoolYear: rule.schoolYear,
    type: rule.type,
    name: `${label} ${school.name}`,
    startDate: rule.firstDay,
    endDate: days[days.length - 1] ?? rule.firstDay,
    daysPerWeek: rule.daysPerWeek,
    instructionalDays: rule.instructionalDays,
    stateExclude: false,
  };
}

/**
 * Builds districts, legal entities, schools and calendars from the district list alone, so every
 * run (and every engineer) gets identical numbers: LE codes, school numbers and calendar numbers are
 * assigned in district-list order.
 */
export function buildOrganization(seeds: DistrictSeed[], schoolYear: SchoolYear): Organization {
  let le = 1000;
  const nextLe = (): string => String(++le);
  let schoolNo = 0;
  const feeders = feederTargets(seeds);
  const districts: OrgDistrict[] = [];
  const schools: OrgSchool[] = [];
  const calendars: OrgCalendar[] = [];
  seeds.forEach((seed, index) => {
    districts.push({
      ...seed,
      legalEntities: legalEntities(seed, nextLe),
      highSchoolDistrictNumber: feeders.get(seed.districtNumber) ?? null,
    });
    const regular = regularRule(schoolYear, index, seed.ccdEnrollment);
    let calendarNo = 0;
    const nextCalendar = (): string => String(++calendarNo).padStart(3, '0');
    planSchools(seed).forEach((plan, i) => {
      const school: OrgSchool = {
        schoolNumber: String(++schoolNo).padStart(4, '0'),
        districtNumber: seed.districtNumber,
        ncesSchoolId: `${seed.ncesLeaId}${String(i + 1).padStart(5, '0')}`,
        ...plan,
      };
      schools.push(school);
      calendars.push(toCalendar(regular, school, nextCalendar()));
      // Jumpstart runs at some elementary schools (every third by number) for the summer before the year.
      if (school.kind === 'elementary' && schoolNo % 3 === 0) {
        calendars.push(toCalendar(jumpstartRule(schoolYear), school, nextCalendar()));
      }
    });
  });
  return { schoolYear, districts, schools, calendars };
}
