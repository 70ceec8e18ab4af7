import { useState } from 'react';
import type { EnrollmentPlace, HandEntryResult, TemplateDetail } from '@bitterroot/contracts';
import { TemplateForm } from '../students/template-form.tsx';
import { editRowSetup, needsPlace, newRowSetup } from './district-entry-setup.ts';

/** Props of DistrictRowForm. */
export interface DistrictRowFormProps {
  district: string;
  schoolYear: number;
  template: TemplateDetail;
  /** The stored row being edited; absent to add a new one. */
  row?: Readonly<Record<string, string>>;
  places: readonly EnrollmentPlace[];
  onSaved: (result: HandEntryResult) => void;
}

/**
 * Adds or edits one of the district's rows with the form generated from the template (the students' form, not
 * a copy): a new course, section, teacher or roster line first asks for the school calendar it belongs to.
 */
export function DistrictRowForm({
  district,
  schoolYear,
  template,
  row,
  places,
  onSaved,
}: DistrictRowFormProps) {
  const choosePlace = !row && needsPlace(template);
  const [where, setWhere] = useState(choosePlace && places.length === 1 ? '0' : '');
  const chosen = choosePlace && where !== '' ? places[Number(where)] : undefined;
  const setup = row
    ? editRowSetup(template, row)
    : newRowSetup(template, { district, schoolYear, place: chosen });
  const selectId = `district-entry-place-${template.id}`;
  return (
    <>
      {choosePlace && (
        <div className="field form-field">
          <label htmlFor={selectId}>School and calendar</label>
          <select id={selectId} value={where} onChange={(e) => setWhere(e.target.value)}>
            <option value="">— choose —</option>
            {places.map((p, i) => (
              <option key={`${p.schoolNumber}-${p.calendarNumber}`} value={String(i)}>
                {`${p.schoolName} (${p.schoolNumber}) · calendar ${p.calendarNumber} ${p.calendarName}`}
              </option>
            ))}
          </select>
        </div>
      )}
      {(!choosePlace || chosen) && (
        <TemplateForm
          key={`${template.id}:${where}`}
          template={template}
          place={{ district, school: null }}
          initial={setup.initial}
          context={setup.context}
          submitLabel={setup.submitLabel}
          onSaved={onSaved}
        />
      )}
    </>
  );
}
