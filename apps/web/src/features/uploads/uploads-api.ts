import type { Upload, UploadAccepted } from '@bitterroot/contracts';
import { getJson, postForm, withQuery } from '../../lib/api.ts';

/** Template id chosen on the upload form; '' lets the server detect it from the file. */
export type TemplateChoice = string;

/** What the steward asked to upload. */
export interface UploadRequest {
  file: File;
  template: TemplateChoice;
  dryRun: boolean;
}

function uploadsPath(districtNumber: string): string {
  return `/api/v1/districts/${encodeURIComponent(districtNumber)}/uploads`;
}

/** POSTs a file as multipart field `file`; resolves with the batch to poll (202). */
export async function startUpload(
  districtNumber: string,
  request: UploadRequest,
  signal?: AbortSignal,
): Promise<UploadAccepted> {
  const form = new FormData();
  form.append('file', request.file, request.file.name);
  const path = withQuery(uploadsPath(districtNumber), {
    template: request.template || undefined,
    dryRun: String(request.dryRun),
  });
  return await postForm<UploadAccepted>(path, form, signal);
}

/** One upload's status, progress and findings. */
export async function getUpload(
  districtNumber: string,
  batchId: number,
  signal?: AbortSignal,
): Promise<Upload> {
  return await getJson<Upload>(`${uploadsPath(districtNumber)}/${batchId}`, signal);
}

/** Files an upload offers for download. */
export type UploadFile = 'findings' | 'new-state-ids';

/** URL of an upload's findings or new-state-ID file as CSV or XLSX. */
export function uploadFileUrl(
  districtNumber: string,
  batchId: number,
  file: UploadFile,
  format: 'csv' | 'xlsx',
): string {
  return `${uploadsPath(districtNumber)}/${batchId}/${file}.${format}`;
}
