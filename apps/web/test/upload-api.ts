import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Upload, UploadAccepted } from '@bitterroot/contracts';
import type { SessionHeaders } from './sign-in.ts';
import { writeMontanaFile } from './upload-files.ts';

// Uploads through the real HTTP API, for browser tests whose subject is another page: the upload page
// itself is covered by upload.e2e.test.ts.

const FINISHED = new Set(['validated', 'rejected', 'committed', 'failed']);

/**
 * POSTs a file to a district's upload endpoint as the signed-in user of `headers` and polls until the batch
 * finishes; returns the batch.
 */
export async function uploadThroughApi(
  base: string,
  headers: SessionHeaders,
  district: string,
  path: string,
  template: string,
): Promise<Upload> {
  const form = new FormData();
  form.append('file', new Blob([await readFile(path)]), basename(path));
  const url = new URL(`/api/v1/districts/${district}/uploads?template=${template}`, base);
  const response = await fetch(url, { method: 'POST', body: form, headers });
  if (response.status !== 202)
    throw new Error(`upload answered ${response.status}: ${await response.text()}`);
  const { location } = (await response.json()) as UploadAccepted;
  for (let attempt = 0; attempt < 600; attempt++) {
    const upload = (await (await fetch(new URL(location, base), { headers })).json()) as Upload;
    if (FINISHED.has(upload.status)) return upload;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`upload ${location} did not finish within a minute`);
}

/**
 * Writes `lines` as a Montana file named `name`, uploads it for `template` and returns the batch; throws unless it
 * committed (for tests that plant data, where a rejected upload is a broken test, not a finding to check).
 */
export async function commitLines(
  base: string,
  headers: SessionHeaders,
  district: string,
  template: string,
  name: string,
  lines: string[],
): Promise<Upload> {
  const upload = await uploadThroughApi(
    base,
    headers,
    district,
    await writeMontanaFile(name, lines),
    template,
  );
  if (upload.status !== 'committed') throw new Error(`${template} upload ${name} ended ${upload.status}`);
  return upload;
}

/** The new-state-ID file of a batch as local ID → state ID. */
export async function newStateIds(
  base: string,
  headers: SessionHeaders,
  district: string,
  batchId: number,
): Promise<Map<string, string>> {
  const response = await fetch(
    new URL(`/api/v1/districts/${district}/uploads/${batchId}/new-state-ids.csv`, base),
    { headers },
  );
  const [, ...lines] = (await response.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  return new Map(
    lines.map((line) => {
      const cells = line.split(',');
      return [cells[0] ?? '', cells.at(-1) ?? ''];
    }),
  );
}
