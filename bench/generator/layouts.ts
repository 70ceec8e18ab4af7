import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** One column of an upload layout, as much as the generator needs. */
export interface LayoutColumn {
  key: string;
  type: string;
  required: boolean;
  codeSet?: string;
  separator?: string;
}

/** A template layout: read from the profile, or the generator's own fallback when the profile lacks it. */
export interface Layout {
  id: string;
  recordType: string;
  columns: LayoutColumn[];
  source: 'profile' | 'fallback';
}

const PREFIX =
  'record_type district_number:digits school_number:digits calendar_number student_state_id:digits student_local_id:digits last_name first_name';
// Fallbacks for the templates the generator cannot do without, in the montana-aim.md §4.3 order; used only
// when profiles/montana/templates lacks them. Types default to text; `!` marks required.
const FALLBACK: Record<string, [string, string]> = {
  SD: [
    'student-demographics',
    'record_type district_number:digits student_state_id:digits student_local_id:digits last_name first_name middle_name name_suffix gender:code! birth_date:date! hispanic:flag! race_codes:code!',
  ],
  EN: [
    'student-enrollment',
    `${PREFIX} grade_level:code! start_date:date! start_status:code! end_date:date end_status:code service_type:code! no_show:flag diploma_date:date diploma_type:code diploma_period:code drop_out_reason date_first_entered_9th_grade:date school_year:integer!`,
  ],
  AA: [
    'eoy-attendance',
    `${PREFIX} start_date:date ada_days_enrolled:decimal! ada_days_present:decimal! essa_days_absent:integer! school_year:integer!`,
  ],
  RU: [
    'roster',
    'record_type district_number:digits school_number:digits calendar_number course_number section_number student_state_id:digits start_date:date! end_date:date',
  ],
};

function parseFallback(recordType: string, [id, spec]: [string, string]): Layout {
  const columns = spec.split(' ').map((part) => {
    const [key = '', rawType = 'text'] = part.split(':');
    const required = rawType.endsWith('!') || key === 'record_type';
    return {
      key,
      type: rawType.replace('!', ''),
      required,
      ...(key === 'race_codes' ? { separator: ',' } : {}),
    };
  });
  return { id, recordType, columns, source: 'fallback' };
}

/** Reads every TSV template of the profile, then adds fallbacks for required record types it lacks. */
export function loadLayouts(templatesDir: string): Layout[] {
  const layouts: Layout[] = [];
  if (existsSync(templatesDir)) {
    for (const file of readdirSync(templatesDir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()) {
      const t = parse(readFileSync(join(templatesDir, file), 'utf8')) as {
        id: string;
        recordType: string;
        fileFormat?: string;
        columns: LayoutColumn[];
      };
      if ((t.fileFormat ?? 'tsv') !== 'tsv') continue;
      const columns = t.columns.map((c) => ({
        key: c.key,
        type: c.type,
        required: c.required,
        ...(c.codeSet ? { codeSet: c.codeSet } : {}),
        ...(c.separator ? { separator: c.separator } : {}),
      }));
      layouts.push({ id: t.id, recordType: t.recordType, columns, source: 'profile' });
    }
  }
  for (const [recordType, spec] of Object.entries(FALLBACK)) {
    if (!layouts.some((l) => l.recordType === recordType)) layouts.push(parseFallback(recordType, spec));
  }
  return layouts;
}
