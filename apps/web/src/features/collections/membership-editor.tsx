import { useState } from 'react';
import type { User } from '../users/users-api.ts';
import type { CollectionCalendar, Member } from './collections-api.ts';
import { saveMembers } from './collections-api.ts';
import { ActionStatus } from './action-status.tsx';
import { useAction } from './use-action.ts';

/** Props of MembershipEditor. */
export interface MembershipEditorProps {
  district: string;
  calendar: CollectionCalendar;
  members: Member[];
  /** The district's active accounts with an e-mail address (certifiers are reached by e-mail, §7.1). */
  users: User[];
  /** District administrators edit (membership:manage); everyone else reads. */
  mayEdit: boolean;
  onSaved: (members: Member[]) => void;
  /**
   * The district's schools when an event of the year certifies per school (level "school", §7.1): each school
   * then has its own certifiers, edited one school at a time. Empty: district-wide membership only.
   */
  schools?: readonly { schoolNumber: string; name: string }[];
}

type Role = Member['role'] | '';
// One entry per scope (a school number, or '' for the whole district), type and user.
const key = (scope: string, typeId: string, userId: number) => `${scope}|${typeId}|${userId}`;

/**
 * Type Membership as a grid: one row per certification type, one choice per user (primary, secondary, none),
 * for the whole district or, when events certify per school, for the school chosen above the grid. Saved as a
 * whole (every scope): the server replaces the district's membership in one transaction.
 */
export function MembershipEditor({
  district,
  calendar,
  members,
  users,
  mayEdit,
  onSaved,
  schools = [],
}: MembershipEditorProps) {
  const [roles, setRoles] = useState<Map<string, Role>>(
    () => new Map(members.map((m) => [key(m.schoolNumber ?? '', m.typeId, m.userId), m.role])),
  );
  const [scope, setScope] = useState('');
  const [state, run] = useAction();
  const eligible = users.filter((u) => u.active && /.+@.+/.test(u.email));
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  const scopeName =
    scope === '' ? 'the district' : (schools.find((x) => x.schoolNumber === scope)?.name ?? scope);
  const set = (typeId: string, userId: number, role: Role) =>
    setRoles((r) => new Map(r).set(key(scope, typeId, userId), role));
  const save = () =>
    run(async () => {
      const list: Member[] = [...roles]
        .filter(([, role]) => role !== '')
        .map(([k, role]) => {
          const [school, typeId, userId] = k.split('|');
          return {
            typeId: typeId!,
            userId: Number(userId),
            role: role as Member['role'],
            schoolNumber: school || null,
          };
        });
      onSaved(await saveMembers(district, list));
      return `Type Membership saved: ${list.length} entries.`;
    });
  return (
    <form className="stack-form" aria-label="Type Membership" onSubmit={(e) => (e.preventDefault(), save())}>
      {schools.length > 0 && (
        <div className="field">
          <label htmlFor="membership-scope">Certifiers for</label>
          <select id="membership-scope" value={scope} onChange={(e) => setScope(e.target.value)}>
            <option value="">The whole district</option>
            {schools.map((x) => (
              <option key={x.schoolNumber} value={x.schoolNumber}>
                {x.name} ({x.schoolNumber})
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="table-scroll">
        <table className="data-table">
          <caption>Primary and secondary certifiers per certification type for {scopeName}</caption>
          <thead>
            <tr>
              <th scope="col">Certification type</th>
              {eligible.map((u) => (
                <th key={u.id} scope="col">
                  {u.displayName}
                  <div className="note">{u.email}</div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {calendar.certificationTypes.map((t) => (
              <tr key={t.id}>
                <th scope="row">{t.name}</th>
                {eligible.map((u) => {
                  const value = roles.get(key(scope, t.id, u.id)) ?? '';
                  return (
                    <td key={u.id}>
                      {mayEdit ? (
                        <select
                          aria-label={`${t.name}: ${names.get(u.id)}`}
                          value={value}
                          onChange={(e) => set(t.id, u.id, e.target.value as Role)}
                        >
                          <option value="">—</option>
                          <option value="primary">Primary</option>
                          <option value="secondary">Secondary</option>
                        </select>
                      ) : (
                        value || '—'
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {mayEdit && (
        <p>
          <button type="submit" className="button-primary" disabled={state.busy}>
            Save Type Membership
          </button>
        </p>
      )}
      <ActionStatus state={state} context="Type Membership was not saved" />
    </form>
  );
}
