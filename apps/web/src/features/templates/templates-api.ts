import type { TemplateDetail, TemplateSummary, TemplateList } from '@bitterroot/contracts';
import { getJson } from '../../lib/api.ts';

/** Every upload template of the profile, in upload order. */
export async function listTemplates(signal?: AbortSignal): Promise<TemplateSummary[]> {
  return (await getJson<TemplateList>('/api/v1/templates', signal)).items;
}

/** One template's documentation; ApiError with status 404 when it does not exist. */
export async function getTemplate(id: string, signal?: AbortSignal): Promise<TemplateDetail> {
  return await getJson<TemplateDetail>(`/api/v1/templates/${encodeURIComponent(id)}`, signal);
}
