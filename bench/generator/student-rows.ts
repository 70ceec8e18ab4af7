import type { GenContext } from './context.ts';
import type { Enrollment } from './current-year.ts';
import type { makeDefector } from './defects.ts';
import type { DistrictFiles } from './district-writer.ts';
import type { Rng } from './prng.ts';
import {
  accommodationRecord,
  behaviorRecords,
  cteRecords,
  englishLearnerRecord,
  modeRecord,
  section504Record,
} from './records-programs.ts';
import {
  attendanceRecord,
  countRecord,
  demographicRecord,
  enrollmentRecord,
  framRecord,
  programRecord,
} from './records-student.ts';
import type { Rec } from './tsv.ts';

/** What writing a student's rows needs besides the enrollment. */
export interface RowSink {
  files: DistrictFiles;
  defector: ReturnType<typeof makeDefector>;
  nextIncident: () => string;
}

function put(sink: RowSink, recordType: string, rec: Rec | null): void {
  if (!rec) return;
  const layout = sink.files.layout(recordType);
  const defect = layout ? sink.defector.maybe(layout, rec) : null;
  sink.files.emit(recordType, rec, defect);
}

/**
 * Writes every template row one enrollment produces. District-level rows (demographics, EL, 504, EOY CTE)
 * are written only for the student's first enrollment in the district.
 */
export function writeStudentRows(
  ctx: GenContext,
  rng: Rng,
  sink: RowSink,
  en: Enrollment,
  firstInDistrict: boolean,
): void {
  const y = ctx.schoolYear;
  if (firstInDistrict) {
    put(sink, 'SD', demographicRecord(rng, en));
    put(sink, 'LP', englishLearnerRecord(rng, en, y));
    put(sink, '504', section504Record(rng, en, y));
    for (const r of cteRecords(rng, en, y)) put(sink, 'CE', r);
  }
  const enRec = enrollmentRecord(en, y);
  if (en.defect) sink.files.emit('EN', enRec, en.defect);
  else put(sink, 'EN', enRec);
  put(sink, 'PP', programRecord(rng, en, y));
  put(sink, 'FR', framRecord(rng, en, y));
  put(sink, 'AF', countRecord(rng, en, 'fall', y));
  put(sink, 'AS', countRecord(rng, en, 'spring', y));
  put(sink, 'AA', attendanceRecord(en, y));
  for (const r of behaviorRecords(rng, en, y, sink.nextIncident)) put(sink, 'BH', r);
  put(sink, 'MI', modeRecord(rng, en, y));
  put(sink, 'TA', accommodationRecord(en, y));
}
