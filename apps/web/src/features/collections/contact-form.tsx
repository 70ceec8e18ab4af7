import { useState } from 'react';
import type { Contact } from './contacts-api.ts';
import { saveContacts, searchContacts } from './contacts-api.ts';
import { ActionStatus } from './action-status.tsx';
import { useAction } from './use-action.ts';

/** Adds one contact to a district's directory (the API replaces the district's list: the rest is sent too). */
export function ContactForm(props: { district: string; onSaved: (c: Contact[]) => void }) {
  const empty = { area: 'data', rank: 'primary' as Contact['rank'], name: '', email: '', phone: '' };
  const [form, setForm] = useState(empty);
  const [state, run] = useAction();
  const field = (name: 'area' | 'name' | 'email' | 'phone', label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={`contact-${name}`}>{label}</label>
      <input
        id={`contact-${name}`}
        type={type}
        required={name !== 'phone'}
        maxLength={200}
        value={form[name]}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
      />
    </div>
  );
  return (
    <form
      className="filters"
      aria-label="Add a contact"
      onSubmit={(e) => {
        e.preventDefault();
        run(async () => {
          // The whole list, not the filtered rows on screen: the API replaces every contact of the district.
          const all = await searchContacts({ district: props.district });
          const rest = all.map(({ district: _, ...c }) => c);
          const added = { ...form, school: null, phone: form.phone.trim() || null };
          props.onSaved(await saveContacts(props.district, [...rest, added]));
          setForm(empty);
          return `Added ${added.name}.`;
        });
      }}
    >
      {field('area', 'Area')}
      <div className="field">
        <label htmlFor="contact-rank">Rank</label>
        <select
          id="contact-rank"
          value={form.rank}
          onChange={(e) => setForm({ ...form, rank: e.target.value as Contact['rank'] })}
        >
          <option value="primary">Primary</option>
          <option value="backup">Backup</option>
        </select>
      </div>
      {field('name', 'Name')}
      {field('email', 'E-mail', 'email')}
      {field('phone', 'Phone', 'tel')}
      <button type="submit" className="button-primary" disabled={state.busy}>
        Add contact
      </button>
      <ActionStatus state={state} context="The contact was not saved" />
    </form>
  );
}
