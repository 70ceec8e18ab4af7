/** The contacts directory (issue 7 item 8): per district and school, by area, primary and backup. */
import type { Executor } from '../../db/database.ts';

/** One contact. */
export type Contact = {
  district: string;
  school: string | null;
  area: string;
  rank: 'primary' | 'backup';
  name: string;
  email: string;
  phone: string | null;
};

/** Replaces a district's contacts (schools included) with `contacts`. */
export async function replaceContacts(
  db: Executor,
  district: string,
  contacts: readonly Contact[],
  by: number | null,
): Promise<void> {
  await db.deleteFrom('contact').where('district_number', '=', district).execute();
  if (contacts.length === 0) return;
  await db
    .insertInto('contact')
    .values(
      contacts.map((c) => ({
        district_number: district,
        school_number: c.school,
        area: c.area,
        rank: c.rank,
        name: c.name,
        email: c.email,
        phone: c.phone,
        updated_by: by,
      })),
    )
    .execute();
}

/** Filters of the directory search. */
export type ContactFilter = {
  districts?: readonly string[] | undefined;
  area?: string | undefined;
  text?: string | undefined;
};

/** Contacts matching a filter, by district, school, area and rank. */
export async function searchContacts(db: Executor, filter: ContactFilter): Promise<Contact[]> {
  let q = db
    .selectFrom('contact as c')
    .innerJoin('district as d', 'd.district_number', 'c.district_number')
    .selectAll('c');
  if (filter.districts !== undefined) {
    if (filter.districts.length === 0) return [];
    q = q.where('c.district_number', 'in', [...filter.districts]);
  }
  if (filter.area) q = q.where('c.area', '=', filter.area);
  if (filter.text) {
    const like = `%${filter.text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    q = q.where((eb) =>
      eb.or([eb('c.name', 'ilike', like), eb('c.email', 'ilike', like), eb('d.name', 'ilike', like)]),
    );
  }
  const rows = await q
    .orderBy('c.district_number')
    .orderBy('c.school_number')
    .orderBy('c.area')
    .orderBy('c.rank', 'desc')
    .execute();
  return rows.map((r) => ({
    district: r.district_number,
    school: r.school_number,
    area: r.area,
    rank: r.rank as Contact['rank'],
    name: r.name,
    email: r.email,
    phone: r.phone,
  }));
}
