import { useParams, useSearchParams } from 'react-router';
import type { StudentPlace } from './students-api.ts';

/** The district in the path and, for school users, the school in `?school=` (every request carries it). */
export function useStudentPlace(): StudentPlace | null {
  const district = useParams().districtNumber ?? '';
  const [search] = useSearchParams();
  const school = search.get('school');
  if (!/^\d{4}$/.test(district)) return null;
  return { district, school: school && /^\d{4}$/.test(school) ? school : null };
}

/** A path under the place's students, keeping `?school=` and adding any other parameters. */
export function studentsPath(
  place: StudentPlace,
  rest = '',
  params: Record<string, string | number | undefined> = {},
): string {
  const search = new URLSearchParams();
  if (place.school) search.set('school', place.school);
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, String(v));
  const query = search.toString();
  return `/districts/${place.district}/students${rest}${query ? `?${query}` : ''}`;
}
