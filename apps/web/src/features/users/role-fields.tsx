import type { School } from '@bitterroot/contracts';
import type { Role } from '@bitterroot/core';
import { ROLE_LABELS } from '@bitterroot/core';
import { listSchools } from '../../lib/api.ts';
import { useResource } from '../../lib/use-resource.ts';
import { DISTRICT_ROLES } from './grant-options.ts';

/** What the role fields hold: a role and, as it needs, a district and a school. */
export interface RoleChoice {
  role: Role | '';
  district: string;
  school: string;
}

/** Props of RoleFields. */
export interface RoleFieldsProps {
  /** Prefix of the field ids, unique on the page. */
  idPrefix: string;
  roles: readonly Role[];
  /** The page's district: fixed, so no district field. Null on the state page. */
  fixedDistrict: string | null;
  value: RoleChoice;
  onChange: (value: RoleChoice) => void;
}

function SchoolSelect({
  id,
  district,
  value,
  onChange,
}: {
  id: string;
  district: string;
  value: string;
  onChange: (school: string) => void;
}) {
  const [schools] = useResource(`schools:${district}`, (signal) => listSchools(district, signal));
  const list: School[] = schools.status === 'ok' ? schools.data : [];
  return (
    <div className="field">
      <label htmlFor={id}>School</label>
      <select id={id} value={value} required onChange={(e) => onChange(e.target.value)}>
        <option value="">{schools.status === 'loading' ? 'Loading schools…' : 'Choose a school'}</option>
        {list.map((s) => (
          <option key={s.schoolNumber} value={s.schoolNumber}>
            {`${s.name} (${s.schoolNumber})`}
          </option>
        ))}
      </select>
      {schools.status === 'error' && <span className="status-bad">Could not load the schools.</span>}
    </div>
  );
}

/** Role dropdown (only roles the user may grant) with the district and school fields the role needs. */
export function RoleFields({ idPrefix, roles, fixedDistrict, value, onChange }: RoleFieldsProps) {
  const role = value.role;
  const needsDistrict = role !== '' && DISTRICT_ROLES.includes(role);
  const district = fixedDistrict ?? value.district;
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-role`}>Role</label>
        <select
          id={`${idPrefix}-role`}
          value={role}
          required
          onChange={(e) => onChange({ ...value, role: e.target.value as Role | '', school: '' })}
        >
          <option value="">Choose a role</option>
          {roles.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      {needsDistrict && fixedDistrict === null && (
        <div className="field form-field">
          <label htmlFor={`${idPrefix}-district`}>District number</label>
          <input
            id={`${idPrefix}-district`}
            type="text"
            inputMode="numeric"
            pattern="\d{4}"
            maxLength={4}
            required
            value={value.district}
            placeholder="0000"
            onChange={(e) => onChange({ ...value, district: e.target.value, school: '' })}
          />
        </div>
      )}
      {role === 'school-user' && /^\d{4}$/.test(district) && (
        <SchoolSelect
          id={`${idPrefix}-school`}
          district={district}
          value={value.school}
          onChange={(school) => onChange({ ...value, school })}
        />
      )}
    </>
  );
}
