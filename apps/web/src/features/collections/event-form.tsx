import { useState } from 'react';
import type { EventInputBody } from '@bitterroot/contracts';
import type { CertificationEvent, CollectionCalendar } from './collections-api.ts';
import { saveEvent } from './collections-api.ts';
import { ActionStatus } from './action-status.tsx';
import { useAction } from './use-action.ts';

/** Props of EventForm. */
export interface EventFormProps {
  calendar: CollectionCalendar;
  /** The event to edit, or null to create one. */
  event: CertificationEvent | null;
  onSaved: (event: CertificationEvent) => void;
  onCancel?: () => void;
}

function initial(event: CertificationEvent | null, calendar: CollectionCalendar): EventInputBody {
  if (event)
    return {
      name: event.name,
      description: event.description,
      types: event.types,
      level: event.level,
      collectionId: event.collectionId,
      validationGroup: event.validationGroup,
      eventStart: event.eventStart,
      certificationOpens: event.certificationOpens,
      dueDate: event.dueDate,
    };
  const first = calendar.collections.find((c) => c.certificationTypes.length > 0) ?? calendar.collections[0]!;
  return fromCollection(first.collectionId, calendar);
}

// Choosing a collection fills in its name, types, window and validation group; staff then adjust (§7.1).
function fromCollection(id: string, calendar: CollectionCalendar): EventInputBody {
  const c = calendar.collections.find((w) => w.collectionId === id)!;
  return {
    name: c.name,
    description: '',
    types: c.certificationTypes,
    level: 'district',
    collectionId: c.collectionId,
    validationGroup: c.collectionId,
    eventStart: c.opens,
    certificationOpens: c.opens,
    dueDate: c.closes,
  };
}

/** Creates or edits a certification event: name, types, level, collection, validation group and dates. */
export function EventForm({ calendar, event, onSaved, onCancel }: EventFormProps) {
  const [body, setBody] = useState<EventInputBody>(() => initial(event, calendar));
  const [state, run] = useAction();
  const set = (patch: Partial<EventInputBody>) => setBody((b) => ({ ...b, ...patch }));
  const toggleType = (id: string, on: boolean) =>
    set({ types: on ? [...body.types, id] : body.types.filter((t) => t !== id) });
  const date = (key: 'eventStart' | 'certificationOpens' | 'dueDate', label: string) => (
    <div className="field">
      <label htmlFor={`event-${key}`}>{label}</label>
      <input
        id={`event-${key}`}
        type="date"
        required
        value={body[key]}
        onChange={(e) => set({ [key]: e.target.value })}
      />
    </div>
  );
  return (
    <form
      className="stack-form panel"
      aria-label={event ? `Edit ${event.name}` : 'New certification event'}
      onSubmit={(e) => {
        e.preventDefault();
        run(async () => {
          const saved = await saveEvent(event?.id ?? null, body);
          onSaved(saved);
          return `Saved ${saved.name}.`;
        });
      }}
    >
      {!event && (
        <div className="field">
          <label htmlFor="event-collection">Collection</label>
          <select
            id="event-collection"
            value={body.collectionId ?? ''}
            onChange={(e) => setBody(fromCollection(e.target.value, calendar))}
          >
            {calendar.collections.map((c) => (
              <option key={c.collectionId} value={c.collectionId}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="event-name">Name</label>
        <input
          id="event-name"
          required
          maxLength={200}
          value={body.name}
          onChange={(e) => set({ name: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="event-description">Description</label>
        <textarea
          id="event-description"
          maxLength={4000}
          value={body.description ?? ''}
          onChange={(e) => set({ description: e.target.value })}
        />
      </div>
      <fieldset>
        <legend>Certification types</legend>
        {calendar.certificationTypes.map((t) => (
          <label key={t.id} className="checkbox">
            <input
              type="checkbox"
              checked={body.types.includes(t.id)}
              onChange={(e) => toggleType(t.id, e.target.checked)}
            />{' '}
            {t.name}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="event-level">Level</label>
        <select
          id="event-level"
          value={body.level}
          onChange={(e) => set({ level: e.target.value as EventInputBody['level'] })}
        >
          <option value="district">District</option>
          <option value="school">School</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="event-group">Validation group</label>
        <select
          id="event-group"
          value={body.validationGroup ?? ''}
          onChange={(e) => set({ validationGroup: e.target.value || null })}
        >
          <option value="">None (cannot be published)</option>
          {calendar.collections.map((c) => (
            <option key={c.collectionId} value={c.collectionId}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      {date('eventStart', 'Event start')}
      {date('certificationOpens', 'Certification opens')}
      {date('dueDate', 'Due date')}
      <p>
        <button type="submit" className="button-primary" disabled={state.busy || body.types.length === 0}>
          {event ? 'Save changes' : 'Create event'}
        </button>{' '}
        {onCancel && (
          <button type="button" className="button-secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </p>
      <ActionStatus state={state} context="The event was not saved" />
    </form>
  );
}
