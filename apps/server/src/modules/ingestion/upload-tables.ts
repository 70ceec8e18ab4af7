/** Which live tables a template's commit writes (statistics after a commit, the re-check of what it wrote). */
import { recordStoreOf } from '../student-records/record-stores.ts';

/** The live tables a template's commit writes. */
export function tablesWrittenBy(templateId: string): string[] {
  if (templateId === 'student-demographics') return ['student', 'student_district'];
  if (templateId === 'student-enrollment') return ['enrollment'];
  const store = recordStoreOf(templateId);
  return store ? [store.table] : [];
}
