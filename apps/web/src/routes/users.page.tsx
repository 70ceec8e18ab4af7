import { Link, Navigate, useParams } from 'react-router';
import { UsersSection } from '../features/users/users-section.tsx';
import { PRODUCT_NAME } from '../lib/state.ts';

/** State user administration: every account (state administrators add and change them). */
export function UsersPage() {
  return (
    <>
      <title>{`Users · ${PRODUCT_NAME}`}</title>
      <h1>Users</h1>
      <UsersSection district={null} />
    </>
  );
}

/** A district's user administration, for its district administrator. */
export function DistrictUsersPage() {
  const raw = useParams().districtNumber ?? '';
  if (/^\d{1,3}$/.test(raw)) return <Navigate replace to={`/districts/${raw.padStart(4, '0')}/users`} />;
  return (
    <>
      <title>{`Users · District ${raw} · ${PRODUCT_NAME}`}</title>
      <p className="back">
        <Link to={`/districts/${raw}`}>← District {raw}</Link>
      </p>
      <h1>
        Users <span className="subtitle">District {raw}</span>
      </h1>
      <UsersSection key={raw} district={raw} />
    </>
  );
}
