import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactElement } from 'react';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Finding, TemplateDetail, TemplateField as Field } from '@bitterroot/contracts';
import { DistrictRecords } from '../src/features/district-records/district-records.tsx';
import { TemplateField } from '../src/features/students/template-field.tsx';
import { TemplateForm } from '../src/features/students/template-form.tsx';

// Script injection (issue 9 security tests): for every column of every template of the Montana profile, a
// hostile value rendered by the hand-entry pages — as an input's value, a code option, a fact of the row being
// edited, a finding's message and fix under the field, and a cell of the district's stored rows — is text. The
// markup has exactly the elements it has for a harmless value (no tag, attribute or script came from the data),
// and the value itself appears escaped.

const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</textarea><iframe src=javascript:alert(1)>',
  "Robert'); DROP TABLE student;--",
  '=HYPERLINK("http://evil.example","x")',
  '&lt;b&gt;already escaped&amp;',
];

const templatesDir = fileURLToPath(new URL('../../../profiles/montana/templates/', import.meta.url));

type YamlColumn = { key: string; label: string; type: Field['type']; required: boolean } & Partial<{
  width: number;
  codeSet: string;
  separator: string;
  pattern: string;
  description: string;
}>;
type YamlTemplate = {
  id: string;
  name: string;
  recordType: string;
  level: TemplateDetail['level'];
  order: number;
  key: string[];
  columns: YamlColumn[];
};

/** Every template as the web app receives it; a code column's one code carries the hostile value too. */
function templatesWith(payload: string): TemplateDetail[] {
  return readdirSync(templatesDir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => parse(readFileSync(templatesDir + f, 'utf8')) as YamlTemplate)
    .map((t) => {
      const fields: Field[] = t.columns.map((c, i) => ({
        position: i + 1,
        key: c.key,
        label: c.label,
        type: c.type,
        width: c.width ?? null,
        required: c.required,
        isKey: t.key.includes(c.key),
        pattern: c.pattern ?? null,
        description: c.description ?? null,
        separator: c.separator ?? null,
        codeSet: c.codeSet
          ? {
              id: c.codeSet,
              name: c.codeSet,
              codes: [
                {
                  code: payload,
                  label: payload,
                  description: null,
                  retired: false,
                  provisional: false,
                  decision: null,
                },
              ],
            }
          : null,
        source: 'profile',
        provisional: false,
        decision: null,
      }));
      return {
        ...t,
        columnCount: fields.length,
        description: null,
        provisional: false,
        decision: null,
        fields,
      };
    }) as unknown as TemplateDetail[];
}

/** React's escaping of text and attribute values. */
const escaped = (s: string) =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#x27;');

/** The element structure of markup: every tag name, in order (text and attribute values left out). */
const tags = (html: string) => [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[0]);

const finding = (field: Field, text: string): Finding => ({
  line: 2,
  column: field.key,
  field: field.label,
  value: text,
  code: 'FLD-FORMAT',
  severity: 'fatal',
  message: `${field.label} is wrong: ${text}`,
  fix: `Replace ${text}`,
});

/** What the hand-entry pages render for one template with every cell set to `text`. */
function views(template: TemplateDetail, text: string): ReactElement[] {
  const row = Object.fromEntries(template.fields.map((f) => [f.key, text]));
  const all = new Set(template.fields.map((f) => f.key));
  const form = (context: ReadonlySet<string>) => (
    <TemplateForm
      template={template}
      place={{ district: '0001', school: null }}
      initial={row}
      context={context}
      submitLabel="Save"
      onSaved={() => undefined}
    />
  );
  return [
    form(new Set()),
    form(all),
    ...template.fields.map((f) => (
      <TemplateField
        field={f}
        idPrefix="x"
        value={text}
        findings={[finding(f, text)]}
        onChange={() => undefined}
      />
    )),
    <DistrictRecords
      district="0001"
      template={template}
      stored={{
        template: template.id,
        schoolYear: 2026,
        rows: [row],
        truncated: false,
        total: 1,
        next: null,
        searchable: [],
      }}
      places={[]}
      reload={() => undefined}
    />,
  ];
}

describe('hand-entry pages render every template field as text', () => {
  const harmless = templatesWith('ok');
  it.each(PAYLOADS)('%j', (payload) => {
    const hostile = templatesWith(payload);
    expect(hostile.length).toBeGreaterThanOrEqual(20);
    hostile.forEach((template, t) => {
      const safe = views(harmless[t]!, 'ok').map((v) => renderToStaticMarkup(v));
      views(template, payload).forEach((view, v) => {
        const html = renderToStaticMarkup(view);
        expect(tags(html), `${template.id} view ${v}`).toEqual(tags(safe[v]!));
        expect(html, `${template.id} view ${v}`).toContain(escaped(payload));
      });
    });
  });
});
