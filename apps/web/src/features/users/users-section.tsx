import { useState } from 'react';
import type { Column } from '../../components/data-table.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { Loading } from '../../components/loading.tsx';
import { isForbidden, NotAllowed } from '../../components/not-allowed.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { plural } from '../../lib/format.ts';
import { useSignedInSession } from '../../lib/session.ts';
import type { SortOrder } from '../../lib/sort.ts';
import { sortRows } from '../../lib/sort.ts';
import { useResource } from '../../lib/use-resource.ts';
import { principalOf } from '../access/navigation.ts';
import { CreateUserForm } from './create-user-form.tsx';
import { describeGrant, grantableRoles } from './grant-options.ts';
import { UserActions } from './user-actions.tsx';
import type { User } from './users-api.ts';
import { listUsers } from './users-api.ts';

// Some accounts (test and support accounts) hold a role in every district: the cell lists a few and counts the rest.
const SHOWN_GRANTS = 4;

type SortKey = 'name' | 'email' | 'roles' | 'status' | 'actions';

function statusOf(user: User): string {
  if (!user.active) return 'Deactivated';
  if (user.lockedUntil && Date.parse(user.lockedUntil) > Date.now()) return 'Locked';
  return 'Active';
}

/**
 * The user administration of a district (`district`) or the state (null): search, the list, and, for
 * users who may grant roles here, the add form and row actions. Changes update rows in place.
 */
export function UsersSection({ district }: { district: string | null }) {
  const session = useSignedInSession();
  const roles = grantableRoles(principalOf(session), district);
  const mayManage = roles.length > 0;
  const [search, setSearch] = useState('');
  const [generation, setGeneration] = useState(0);
  const [users, reload] = useResource(`users:${district}:${search}:${generation}`, (signal) =>
    listUsers(district, search, signal),
  );
  const [changed, setChanged] = useState<ReadonlyMap<number, User>>(new Map());
  const [sort, setSort] = useState<{ key: SortKey; order: SortOrder }>({ key: 'name', order: 'asc' });
  if (users.status === 'error' && isForbidden(users.problem))
    return <NotAllowed problem={users.problem} what="this user list" level={2} />;
  const columns: Column<User, SortKey>[] = [
    { key: 'name', label: 'Name', sortValue: (u) => u.displayName },
    { key: 'email', label: 'E-mail', sortValue: (u) => u.email },
    {
      key: 'roles',
      label: 'Roles',
      sortValue: (u) => u.grants.map(describeGrant).join('; '),
      render: (u) => (
        <ul className="grant-list">
          {u.grants.slice(0, SHOWN_GRANTS).map((g) => (
            <li key={describeGrant(g)}>{describeGrant(g)}</li>
          ))}
          {u.grants.length > SHOWN_GRANTS && (
            <li className="note">and {u.grants.length - SHOWN_GRANTS} more</li>
          )}
        </ul>
      ),
    },
    { key: 'status', label: 'Status', sortValue: statusOf },
  ];
  if (mayManage)
    columns.push({
      key: 'actions',
      label: 'Actions',
      sortValue: () => null,
      render: (u) => (
        <UserActions
          user={u}
          roles={roles}
          district={district}
          onChanged={(user) => setChanged((m) => new Map(m).set(user.id, user))}
        />
      ),
    });
  return (
    <>
      {mayManage && (
        <CreateUserForm
          roles={roles}
          district={district}
          onCreated={() => {
            setChanged(new Map());
            setGeneration((n) => n + 1);
          }}
        />
      )}
      <section className="panel" aria-labelledby="users-heading">
        <div className="panel-header">
          <h2 id="users-heading">Users</h2>
          <div className="field">
            <label htmlFor="user-search">Search name or e-mail</label>
            <input
              id="user-search"
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          </div>
        </div>
        {users.status === 'loading' && <Loading what="users" />}
        {users.status === 'error' && (
          <ProblemAlert context="Could not load users" problem={users.problem} onRetry={reload} />
        )}
        {users.status === 'ok' && (
          <DataTable
            caption={plural(users.data.length, 'user')}
            columns={columns}
            rows={sortRows(
              users.data.map((u) => changed.get(u.id) ?? u),
              (u) => columns.find((c) => c.key === sort.key)?.sortValue(u) ?? null,
              sort.order,
            )}
            rowKey={(u) => String(u.id)}
            rowHeader="name"
            sort={sort.key}
            order={sort.order}
            onSort={(key, order) => setSort({ key, order })}
            empty={search ? 'No user matches the search.' : 'No users yet.'}
          />
        )}
      </section>
    </>
  );
}
