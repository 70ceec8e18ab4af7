import type { TemplateField, TemplateSummary } from '@bitterroot/contracts';

const LEVEL_LABELS: Record<TemplateSummary['level'], string> = {
  student: 'Student enrollment',
  'district-student': 'Student (district)',
  staff: 'Staff',
  course: 'Course',
};

const TYPE_LABELS: Record<TemplateField['type'], string> = {
  text: 'Text',
  digits: 'Digits',
  date: 'Date',
  code: 'Code',
  decimal: 'Decimal',
  integer: 'Whole number',
  flag: 'Flag',
  time: 'Time',
};

/** Display label of what a template's rows describe. */
export function templateLevelLabel(level: TemplateSummary['level']): string {
  return LEVEL_LABELS[level];
}

/** Display label of a column type; dates carry the file's date format. */
export function fieldTypeLabel(type: TemplateField['type'], dateFormat: string): string {
  return type === 'date' ? `${TYPE_LABELS.date} (${dateFormat})` : TYPE_LABELS[type];
}
