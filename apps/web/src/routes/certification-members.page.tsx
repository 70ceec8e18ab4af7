import { Link, Navigate, useParams } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { isForbidden, NotAllowed } from '../components/not-allowed.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { mayInDistrict } from '../features/access/navigation.ts';
import type { Member } from '../features/collections/collections-api.ts';
import { getCalendar, getMembers, listEvents } from '../features/collections/collections-api.ts';
import { MembershipEditor } from '../features/collections/membership-editor.tsx';
import type { User } from '../features/users/users-api.ts';
import { listUsers } from '../features/users/users-api.ts';
import { listSchools } from '../lib/api.ts';
import { useSignedInSession } from '../lib/session.ts';
import { PRODUCT_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';

// Readers who may not list accounts see the members themselves as the grid's columns.
function membersAsUsers(members: Member[]): User[] {
  const byId = new Map<number, User>();
  for (const m of members)
    byId.set(m.userId, {
      id: m.userId,
      email: m.email ?? '',
      displayName: m.displayName ?? String(m.userId),
      active: true,
      lockedUntil: null,
      grants: [],
    });
  return [...byId.values()];
}

/** A district's Type Membership: primary and secondary certifiers per certification type (§7.1). */
export function CertificationMembersPage() {
  const raw = useParams().districtNumber ?? '';
  if (/^\d{1,3}$/.test(raw))
    return <Navigate replace to={`/districts/${raw.padStart(4, '0')}/certification/members`} />;
  return <Members district={raw} />;
}

function Members({ district }: { district: string }) {
  const session = useSignedInSession();
  const mayEdit = mayInDistrict(session, 'membership:manage', district);
  const [data, reload] = useResource(`members:${district}`, async (signal) => {
    const [members, list] = await Promise.all([getMembers(district, signal), listEvents(signal)]);
    const calendar = await getCalendar(list.schoolYear, signal);
    const users = mayEdit ? await listUsers(district, '', signal) : membersAsUsers(members);
    // Schools have certifiers of their own only when an event of the year certifies per school (§7.1).
    const perSchool = list.events.some((e) => e.level === 'school');
    const schools = perSchool ? await listSchools(district, signal) : [];
    return { members, calendar, users, schools };
  });
  if (data.status === 'error' && isForbidden(data.problem))
    return <NotAllowed problem={data.problem} what={`the Type Membership of district ${district}`} />;
  return (
    <>
      <title>{`Type Membership · District ${district} · ${PRODUCT_NAME}`}</title>
      <p className="back">
        <Link to={`/districts/${district}/certification`}>← District {district} certification</Link>
      </p>
      <h1>
        Type Membership <span className="subtitle">District {district}</span>
      </h1>
      <p>
        Every primary certifier of an event’s types must certify before the district’s certification is sent
        to the state; secondaries are listed and notified only.{' '}
        {mayEdit
          ? 'Only accounts with an e-mail address can be chosen.'
          : 'Only district administrators edit it.'}
      </p>
      {data.status === 'loading' && <Loading what="Type Membership" />}
      {data.status === 'error' && (
        <ProblemAlert context="Could not load Type Membership" problem={data.problem} onRetry={reload} />
      )}
      {data.status === 'ok' && (
        <MembershipEditor
          district={district}
          calendar={data.data.calendar}
          members={data.data.members}
          users={data.data.users}
          mayEdit={mayEdit}
          schools={data.data.schools}
          onSaved={() => undefined}
        />
      )}
    </>
  );
}
