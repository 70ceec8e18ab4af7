/**
 * Template documentation generated from the profile: the same YAML that drives parsing and validation, so
 * the published layout cannot drift from what the upload pipeline accepts.
 */
import type {
  CodeSet,
  Column,
  Profile,
  Template,
  TemplateCodeSet,
  TemplateDetail,
  TemplateField,
  TemplateRef,
  TemplateSummary,
} from '@bitterroot/contracts';
import { codeSet } from '../profile/profile.lookup.ts';
import { codesAllowedBy } from './template-code-sheets.ts';

/** URL of a template's generated XLSX workbook. */
export function workbookUrl(id: string): string {
  return `/api/v1/templates/${id}/template.xlsx`;
}

function mark(value: { provisional: boolean; decision?: string | undefined }) {
  return { provisional: value.provisional, decision: value.decision ?? null };
}

/** A template as the list shows it. */
export function templateSummary(template: Template): TemplateSummary {
  return {
    id: template.id,
    name: template.name,
    recordType: template.recordType,
    level: template.level,
    order: template.order,
    columnCount: template.columns.length,
    description: template.description ?? null,
    ...mark(template),
  };
}

function codeSetDoc(set: CodeSet, pattern: string | undefined): TemplateCodeSet {
  return {
    id: set.id,
    name: set.name,
    codes: codesAllowedBy(set.codes, pattern).map((c) => ({
      code: c.code,
      label: c.label,
      description: c.description ?? null,
      retired: c.retired ?? false,
      ...mark(c),
    })),
  };
}

function fieldDoc(profile: Profile, template: Template, column: Column, index: number): TemplateField {
  // The loader has already checked that every named code set exists (profile.checks.ts).
  const set = column.codeSet === undefined ? undefined : codeSet(profile, column.codeSet);
  return {
    position: index + 1,
    key: column.key,
    label: column.label,
    type: column.type,
    width: column.width ?? null,
    required: column.required,
    isKey: template.key.includes(column.key),
    pattern: column.pattern ?? null,
    description: column.description ?? null,
    separator: column.multiple === true ? (column.separator ?? null) : null,
    codeSet: set === undefined ? null : codeSetDoc(set, column.pattern),
    source: column.source,
    ...mark(column),
  };
}

function ref(template: Template | undefined): TemplateRef | null {
  return template === undefined ? null : { id: template.id, name: template.name, order: template.order };
}

function uploadOrder(profile: Profile, template: Template): TemplateDetail['uploadOrder'] {
  // The loader sorts templates by `order`, so neighbours in the array are neighbours in upload order.
  const index = profile.templates.findIndex((t) => t.id === template.id);
  return {
    position: index + 1,
    total: profile.templates.length,
    after: ref(profile.templates[index - 1]),
    before: ref(profile.templates[index + 1]),
  };
}

/** The full documentation of one template. */
export function templateDetail(profile: Profile, template: Template): TemplateDetail {
  const labelOf = new Map(template.columns.map((c) => [c.key, c.label]));
  return {
    ...templateSummary(template),
    fileFormat: template.fileFormat,
    dateFormat: profile.manifest.fileFormat.dateFormat,
    key: template.key.map((key) => ({ key, label: labelOf.get(key) ?? key })),
    updateRules: template.updateRules,
    source: template.source,
    uploadOrder: uploadOrder(profile, template),
    fields: template.columns.map((c, i) => fieldDoc(profile, template, c, i)),
    workbookUrl: workbookUrl(template.id),
  };
}
