import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { EnrollmentPlace, StudentRecord, TemplateDetail } from '@bitterroot/contracts';
import { entrySetup, type EntryRequest } from './entry-setup.ts';
import { studentsPath } from './student-place.ts';
import type { StudentPlace } from './students-api.ts';
import { TemplateForm } from './template-form.tsx';

/** Props of StudentEntry. */
export interface StudentEntryProps {
  place: StudentPlace;
  request: EntryRequest;
  template: TemplateDetail;
  record: StudentRecord;
  places: readonly EnrollmentPlace[];
}

/** The generated form for one record of the student; a new enrollment first asks for the school calendar. */
export function StudentEntry({ place, request, template, record, places }: StudentEntryProps) {
  const navigate = useNavigate();
  const setup = entrySetup(request, template, record);
  const choosePlace = request.templateId === 'student-enrollment' && !setup.enrollment;
  const [where, setWhere] = useState(choosePlace && places.length === 1 ? '0' : '');
  const chosen = choosePlace && where !== '' ? places[Number(where)] : undefined;
  const initial = chosen
    ? { ...setup.initial, school_number: chosen.schoolNumber, calendar_number: chosen.calendarNumber }
    : setup.initial;
  const id = Number(record.identity.studentId);
  return (
    <>
      {choosePlace && (
        <div className="field form-field">
          <label htmlFor="enroll-place">School and calendar</label>
          <select id="enroll-place" value={where} onChange={(e) => setWhere(e.target.value)}>
            <option value="">— choose —</option>
            {places.map((p, i) => (
              <option key={`${p.schoolNumber}-${p.calendarNumber}`} value={String(i)}>
                {`${p.schoolName} (${p.schoolNumber}) · calendar ${p.calendarNumber} ${p.calendarName} · grades ${p.lowGrade}–${p.highGrade}`}
              </option>
            ))}
          </select>
        </div>
      )}
      {(!choosePlace || chosen) && (
        <TemplateForm
          key={where}
          template={template}
          place={place}
          initial={initial}
          context={setup.context}
          first={setup.first}
          hidden={setup.hidden}
          submitLabel={setup.submitLabel}
          onSaved={(result) => {
            const warnings = result.findings.filter((f) => f.severity !== 'fatal').length;
            const saved = `${template.name} saved${warnings ? ` with ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}.`;
            void navigate(studentsPath(place, `/${id}`), { state: { saved } });
          }}
        />
      )}
    </>
  );
}
