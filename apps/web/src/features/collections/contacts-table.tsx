import { Link } from 'react-router';
import type { Contact } from './contacts-api.ts';

/** The contacts directory: district, school, area, primary or backup, name, e-mail and phone. */
export function ContactsTable({ contacts, showDistrict }: { contacts: Contact[]; showDistrict: boolean }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>Contacts</caption>
        <thead>
          <tr>
            {showDistrict && <th scope="col">District</th>}
            <th scope="col">School</th>
            <th scope="col">Area</th>
            <th scope="col">Rank</th>
            <th scope="col">Name</th>
            <th scope="col">E-mail</th>
            <th scope="col">Phone</th>
          </tr>
        </thead>
        <tbody>
          {contacts.length === 0 && (
            <tr>
              <td colSpan={showDistrict ? 7 : 6} className="empty">
                No contact matches.
              </td>
            </tr>
          )}
          {contacts.map((c, i) => (
            <tr key={i}>
              {showDistrict && (
                <td>
                  <Link to={`/districts/${c.district}/contacts`}>{c.district}</Link>
                </td>
              )}
              <td>{c.school ?? 'District'}</td>
              <td>{c.area}</td>
              <td>{c.rank}</td>
              <th scope="row">{c.name}</th>
              <td>
                <a href={`mailto:${c.email}`}>{c.email}</a>
              </td>
              <td>{c.phone ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
