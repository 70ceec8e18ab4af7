import { getJson, sendJson, withQuery } from '../../lib/api.ts';

// The contacts directory API (apps/server/src/modules/collections contacts routes; issue 7 item 8).

const enc = encodeURIComponent;

/** A contact of the directory. */
export interface Contact {
  district: string;
  school: string | null;
  area: string;
  rank: 'primary' | 'backup';
  name: string;
  email: string;
  phone: string | null;
}

/** Filters of the contacts directory. */
export interface ContactQuery {
  district?: string;
  area?: string;
  q?: string;
}

/** Contacts matching the filters. */
export async function searchContacts(query: ContactQuery, signal?: AbortSignal): Promise<Contact[]> {
  return (await getJson<{ contacts: Contact[] }>(withQuery('/api/v1/contacts', { ...query }), signal))
    .contacts;
}

/** The CSV export of the contacts the filters select. */
export function contactsCsvUrl(query: ContactQuery): string {
  return withQuery('/api/v1/contacts.csv', { ...query });
}

/** Replaces a district's contacts. */
export async function saveContacts(district: string, contacts: Omit<Contact, 'district'>[]) {
  return (
    await sendJson<{ contacts: Contact[] }>('PUT', `/api/v1/districts/${enc(district)}/contacts`, {
      contacts,
    })
  ).contacts;
}
