/** Upload templates of the loaded profile: the list, one template's documentation, its XLSX workbook. */
import type { Profile, TemplateDetail, TemplateList } from '@bitterroot/contracts';
import { template as findTemplate } from '../profile/profile.lookup.ts';
import { templateDetail, templateSummary } from './template-docs.ts';
import { buildTemplateWorkbook } from './template-workbook.ts';

/** Expected outcomes of a template lookup. */
export type TemplateLookup<T> = { kind: 'found'; value: T } | { kind: 'not-found'; id: string };

/** A generated workbook with the file name to offer it under. */
export type TemplateWorkbook = { fileName: string; bytes: Buffer };

/** The templates service over an in-memory profile (no database: the profile is data loaded at start). */
export function templatesService(profile: Profile) {
  return {
    list(): TemplateList {
      // The loader keeps templates in upload order.
      const items = profile.templates.map(templateSummary);
      return { items, total: items.length };
    },
    detail(id: string): TemplateLookup<TemplateDetail> {
      const found = findTemplate(profile, id);
      if (!found) return { kind: 'not-found', id };
      return { kind: 'found', value: templateDetail(profile, found) };
    },
    // Generated per request rather than cached: it takes milliseconds and downloads are rare.
    async workbook(id: string): Promise<TemplateLookup<TemplateWorkbook>> {
      const found = findTemplate(profile, id);
      if (!found) return { kind: 'not-found', id };
      const bytes = await buildTemplateWorkbook(profile, found);
      return { kind: 'found', value: { fileName: `${profile.manifest.id}-${found.id}.xlsx`, bytes } };
    },
  };
}

/** The service's type, for wiring. */
export type TemplatesService = ReturnType<typeof templatesService>;
