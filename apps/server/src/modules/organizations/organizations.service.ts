/** Districts and schools: what the state overview and the district page show. */
import type {
  DistrictDetail,
  DistrictListQuery,
  DistrictPage,
  SchoolListQuery,
  SchoolPage,
} from '@bitterroot/contracts';
import type { Executor } from '../../db/database.ts';
import { findDistrict, listDistricts, listSchools } from './organizations.repository.ts';
import { countRecords } from './stats.repository.ts';

/** Expected outcomes of a district lookup. */
export type DistrictLookup<T> = { kind: 'found'; value: T } | { kind: 'not-found'; districtNumber: string };

/** The organisations service, bound to a database and the current school year. */
export function organizationsService(db: Executor, schoolYear: number) {
  return {
    async districts(query: DistrictListQuery): Promise<DistrictPage> {
      const page = await listDistricts(db, query, schoolYear);
      return { ...page, limit: query.limit, offset: query.offset };
    },
    async district(districtNumber: string): Promise<DistrictLookup<DistrictDetail>> {
      const district = await findDistrict(db, districtNumber, schoolYear);
      if (!district) return { kind: 'not-found', districtNumber };
      const [counts] = await countRecords(db, schoolYear, districtNumber);
      return {
        kind: 'found',
        value: { ...district, counts: counts?.counts ?? { students: 0, enrollments: 0, staff: 0 } },
      };
    },
    async schools(districtNumber: string, query: SchoolListQuery): Promise<DistrictLookup<SchoolPage>> {
      const district = await findDistrict(db, districtNumber, schoolYear);
      if (!district) return { kind: 'not-found', districtNumber };
      const page = await listSchools(db, districtNumber, query, schoolYear);
      return { kind: 'found', value: { ...page, limit: query.limit, offset: query.offset } };
    },
    async stats(districtNumber?: string) {
      return await countRecords(db, schoolYear, districtNumber);
    },
  };
}

/** The service's type, for wiring. */
export type OrganizationsService = ReturnType<typeof organizationsService>;
