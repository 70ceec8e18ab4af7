import { useState } from 'react';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { isForbidden, NotAllowed } from '../components/not-allowed.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { mayInDistrict } from '../features/access/navigation.ts';
import { contactsCsvUrl, searchContacts } from '../features/collections/contacts-api.ts';
import { ContactForm } from '../features/collections/contact-form.tsx';
import { ContactsTable } from '../features/collections/contacts-table.tsx';
import { useSignedInSession } from '../lib/session.ts';
import { PRODUCT_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';

/** The statewide contacts directory: search by name, e-mail, district and area; CSV export. */
export function ContactsPage() {
  return <Contacts district={null} />;
}

/** A district's contacts, which its administrator keeps. */
export function DistrictContactsPage() {
  const raw = useParams().districtNumber ?? '';
  if (/^\d{1,3}$/.test(raw)) return <Navigate replace to={`/districts/${raw.padStart(4, '0')}/contacts`} />;
  return <Contacts key={raw} district={raw} />;
}

function Contacts({ district }: { district: string | null }) {
  const session = useSignedInSession();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const area = params.get('area') ?? '';
  const [generation, setGeneration] = useState(0);
  const query = { district: district ?? undefined, q: q || undefined, area: area || undefined };
  const [contacts, reload] = useResource(`contacts:${district}:${q}:${area}:${generation}`, (signal) =>
    searchContacts(query, signal),
  );
  const set = (key: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  if (contacts.status === 'error' && isForbidden(contacts.problem))
    return <NotAllowed problem={contacts.problem} what="the contacts directory" />;
  const rows = contacts.status === 'ok' ? contacts.data : null;
  return (
    <>
      <title>{`Contacts${district ? ` · District ${district}` : ''} · ${PRODUCT_NAME}`}</title>
      {district && (
        <p className="back">
          <Link to={`/districts/${district}/certification`}>← District {district} certification</Link>
        </p>
      )}
      <h1>Contacts {district && <span className="subtitle">District {district}</span>}</h1>
      <form
        className="filters"
        role="search"
        aria-label="Search contacts"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor="contacts-q">Name, e-mail or district</label>
          <input
            id="contacts-q"
            type="search"
            value={q}
            maxLength={100}
            onChange={(e) => set('q', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="contacts-area">Area</label>
          <input
            id="contacts-area"
            value={area}
            maxLength={60}
            onChange={(e) => set('area', e.target.value)}
          />
        </div>
        <a href={contactsCsvUrl(query)} download>
          CSV
        </a>
      </form>
      {contacts.status === 'loading' && <Loading what="contacts" />}
      {contacts.status === 'error' && (
        <ProblemAlert context="Could not load contacts" problem={contacts.problem} onRetry={reload} />
      )}
      {rows && <ContactsTable contacts={rows} showDistrict={district === null} />}
      {district && rows && mayInDistrict(session, 'contacts:manage', district) && (
        <ContactForm district={district} onSaved={() => setGeneration((n) => n + 1)} />
      )}
    </>
  );
}
