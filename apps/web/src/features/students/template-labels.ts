import type { TemplateDetail } from '@bitterroot/contracts';
import { getTemplate } from '../templates/templates-api.ts';
import { useResource } from '../../lib/use-resource.ts';

/** Column labels of templates by template id, then column key (the profile's names, montana-aim.md §4.3). */
export type TemplateLabels = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** `title_i` → `Title i`: the last resort for a stored column no template names. */
export function humanizeKey(key: string): string {
  const words = key.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The labels of the given template definitions. */
export function labelsOf(
  templates: readonly {
    id: string;
    fields: readonly Pick<TemplateDetail['fields'][number], 'key' | 'label'>[];
  }[],
): TemplateLabels {
  return new Map(templates.map((t) => [t.id, new Map(t.fields.map((f) => [f.key, f.label]))]));
}

/** A stored column's label: its template's label for the key, else the key in words. */
export function columnLabel(labels: TemplateLabels, template: string | null, key: string): string {
  return (template ? labels.get(template)?.get(key) : undefined) ?? humanizeKey(key);
}

/** Loads the definitions of the templates a page shows records of; empty until they arrive. */
export function useTemplateLabels(templateIds: readonly string[]): TemplateLabels {
  const ids = [...new Set(templateIds)].sort();
  const [details] = useResource(`template-labels:${ids.join(',')}`, (signal) =>
    Promise.all(ids.map((id) => getTemplate(id, signal))),
  );
  return details.status === 'ok' ? labelsOf(details.data) : new Map();
}
