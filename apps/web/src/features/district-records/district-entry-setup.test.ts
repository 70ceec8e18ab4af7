import { describe, expect, it } from 'vitest';
import type { TemplateDetail, TemplateField, TemplateSummary } from '@bitterroot/contracts';
import {
  districtTemplates,
  editRowSetup,
  listedFields,
  needsPlace,
  newRowSetup,
  rowKeyOf,
} from './district-entry-setup.ts';

const field = (key: string, isKey = false): TemplateField => ({
  position: 0,
  key,
  label: key,
  type: 'text',
  width: null,
  required: true,
  isKey,
  pattern: null,
  description: null,
  separator: null,
  codeSet: null,
  source: 'test',
  provisional: false,
  decision: null,
});
const summary = (id: string, level: TemplateSummary['level'], order: number): TemplateSummary => ({
  id,
  name: id,
  recordType: 'XX',
  level,
  order,
  columnCount: 0,
  description: null,
  provisional: false,
  decision: null,
});
const section = {
  ...summary('section', 'course', 19),
  fields: [
    field('record_type', true),
    field('district_number', true),
    field('school_number', true),
    field('calendar_number', true),
    field('course_number', true),
    field('section_number', true),
    field('session_type'),
  ],
} as unknown as TemplateDetail;
const employment = {
  ...summary('terms-of-employment', 'staff', 21),
  fields: [
    field('record_type', true),
    field('district_number', true),
    field('staff_state_id', true),
    field('last_name'),
    field('employment_start_date', true),
    field('school_year'),
  ],
} as unknown as TemplateDetail;

describe('hand entry of the district’s own records', () => {
  it('offers staff and course templates only, in upload order', () => {
    const all = [
      summary('roster', 'course', 22),
      summary('fall-count', 'student', 5),
      summary('course', 'course', 18),
      summary('district-assignment', 'staff', 23),
      summary('section-504', 'district-student', 9),
    ];
    expect(districtTemplates(all).map((t) => t.id)).toEqual(['course', 'roster', 'district-assignment']);
  });

  it('starts a new row with the district, the year and the chosen calendar as facts', () => {
    expect(needsPlace(section)).toBe(true);
    expect(needsPlace(employment)).toBe(false);
    const s = newRowSetup(section, {
      district: '0059',
      schoolYear: 2026,
      place: { schoolNumber: '0112', calendarNumber: '01' },
    });
    expect(s.initial).toEqual({
      district_number: '0059',
      school_number: '0112',
      calendar_number: '01',
      course_number: '',
      section_number: '',
      session_type: '',
    });
    expect([...s.context].sort()).toEqual([
      'calendar_number',
      'district_number',
      'record_type',
      'school_number',
    ]);
    const staff = newRowSetup(employment, { district: '0059', schoolYear: 2026 });
    expect(staff.initial).toMatchObject({ district_number: '0059', school_year: '2026', last_name: '' });
    expect(staff.context.has('last_name')).toBe(false);
  });

  it('edits a stored row with its key columns fixed and the rest editable', () => {
    const row = {
      record_type: 'TE',
      district_number: '0059',
      staff_state_id: '700000123',
      last_name: 'Larkspur',
      employment_start_date: '08/01/2020',
      school_year: '2026',
    };
    const s = editRowSetup(employment, row);
    expect(s.initial).toEqual({ ...row, record_type: undefined });
    expect(s.context.has('staff_state_id')).toBe(true);
    expect(s.context.has('employment_start_date')).toBe(true);
    expect(s.context.has('last_name')).toBe(false);
    expect(s.submitLabel).toBe('Save changes');
    expect(rowKeyOf(employment, row)).toBe('700000123|08/01/2020');
    expect(listedFields(employment).map((f) => f.key)).toEqual([
      'staff_state_id',
      'employment_start_date',
      'last_name',
    ]);
  });
});
