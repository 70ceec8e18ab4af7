import { useState } from 'react';
import type { CalendarWindow, CollectionCalendar } from './collections-api.ts';
import { adjustWindow } from './collections-api.ts';
import { ActionStatus } from './action-status.tsx';
import { useAction } from './use-action.ts';

/** Props of CalendarTable. */
export interface CalendarTableProps {
  calendar: CollectionCalendar;
  /** State staff may move windows (collections:manage); others only read. */
  mayAdjust: boolean;
  onChanged: (calendar: CollectionCalendar) => void;
}

function Adjust({
  year,
  w,
  onChanged,
}: { year: number; w: CalendarWindow } & Pick<CalendarTableProps, 'onChanged'>) {
  const [open, setOpen] = useState(false);
  const [opens, setOpens] = useState(w.opens);
  const [closes, setCloses] = useState(w.closes);
  const [state, run] = useAction();
  if (!open)
    return (
      <button type="button" className="button-secondary" onClick={() => setOpen(true)}>
        Adjust<span className="visually-hidden"> {w.name}</span>
      </button>
    );
  return (
    <form
      className="ack-form"
      aria-label={`Adjust ${w.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        run(async () => {
          onChanged(await adjustWindow(year, w.collectionId, opens, closes));
          setOpen(false);
          return `${w.name} now runs ${opens} to ${closes}.`;
        });
      }}
    >
      <label>
        Opens <input type="date" required value={opens} onChange={(e) => setOpens(e.target.value)} />
      </label>
      <label>
        Closes <input type="date" required value={closes} onChange={(e) => setCloses(e.target.value)} />
      </label>
      <span>
        <button type="submit" className="button-primary" disabled={state.busy}>
          Save window
        </button>{' '}
        <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </span>
      <ActionStatus state={state} context="The window was not moved" />
    </form>
  );
}

/** A year's collections: window as computed from the profile rules, as adjusted, milestones and types. */
export function CalendarTable({ calendar, mayAdjust, onChanged }: CalendarTableProps) {
  const types = new Map(calendar.certificationTypes.map((t) => [t.id, t.name]));
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>
          Collections of school year {calendar.schoolYear - 1}–{String(calendar.schoolYear).slice(2)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Collection</th>
            <th scope="col">Opens</th>
            <th scope="col">Closes</th>
            <th scope="col">Computed</th>
            <th scope="col">Milestones</th>
            <th scope="col">Certification</th>
            {mayAdjust && <th scope="col">Adjust</th>}
          </tr>
        </thead>
        <tbody>
          {calendar.collections.map((w) => {
            const moved = w.opens !== w.computedOpens || w.closes !== w.computedCloses;
            return (
              <tr key={w.collectionId}>
                <th scope="row">{w.name}</th>
                <td>{w.opens}</td>
                <td>{w.closes}</td>
                <td>
                  {moved ? (
                    <span className="note">
                      {w.computedOpens} – {w.computedCloses} (adjusted)
                    </span>
                  ) : (
                    'as computed'
                  )}
                </td>
                <td>
                  {Object.entries(w.milestones).map(([k, v]) => (
                    <div key={k}>
                      {k.replaceAll('-', ' ')}: {v}
                    </div>
                  ))}
                </td>
                <td>{w.certificationTypes.map((t) => types.get(t) ?? t).join(', ') || '—'}</td>
                {mayAdjust && (
                  <td>
                    <Adjust year={calendar.schoolYear} w={w} onChanged={onChanged} />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
