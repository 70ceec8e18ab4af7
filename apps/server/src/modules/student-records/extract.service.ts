/**
 * Extracts: a district's stored rows of one upload template, as a file in that template's layout. The
 * Montana TSV re-uploads unchanged (the round trip is tested for every template); CSV is for people.
 */
import { createWriteStream } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ExtractFormat, Profile } from '@bitterroot/contracts';
import type { Executor } from '../../db/database.ts';
import { template as findTemplate } from '../profile/profile.lookup.ts';
import { extractText } from './extract-file.ts';
import { districtExists, extractPages } from './record-extract.repository.ts';

/** What to extract. */
export type ExtractRequest = {
  district: string;
  templateId: string;
  format: ExtractFormat;
  schoolYear: number;
};

/** An extract ready to stream, or why there is none. */
export type ExtractLookup =
  | {
      kind: 'found';
      fileName: string;
      contentType: string;
      /** The file text in chunks (a page of rows each); read it once. */
      chunks: AsyncIterable<string>;
      /** Rows written, known once `chunks` is exhausted. */
      rows: () => number;
    }
  | { kind: 'not-found'; detail: string };

const CONTENT_TYPES: Record<ExtractFormat, string> = {
  tsv: 'text/tab-separated-values; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/** Opens an extract: checks the template and district, then streams pages as they are read. */
export async function openExtract(
  db: Executor,
  profile: Profile,
  request: ExtractRequest,
  now: Date = new Date(),
): Promise<ExtractLookup> {
  const template = findTemplate(profile, request.templateId);
  const pages = template && extractPages(db, template, request);
  if (!template || !pages)
    return {
      kind: 'not-found',
      detail: `template ${request.templateId} does not exist or has no stored rows`,
    };
  if (!(await districtExists(db, request.district)))
    return { kind: 'not-found', detail: `district ${request.district} does not exist` };
  let rows = 0;
  return {
    kind: 'found',
    fileName: `${request.district}-${template.id}-${request.schoolYear}.${request.format}`,
    contentType: CONTENT_TYPES[request.format],
    chunks: extractText(template, request.format, pages, now, (n) => (rows = n)),
    rows: () => rows,
  };
}

/**
 * Writes an extract to a file path (created only once the extract exists) or to a stream, which is left
 * open (stdout must stay usable); returns the rows written.
 */
export async function writeExtract(
  db: Executor,
  profile: Profile,
  request: ExtractRequest,
  target: string | Writable,
  now: Date = new Date(),
): Promise<{ kind: 'written'; rows: number } | { kind: 'not-found'; detail: string }> {
  const found = await openExtract(db, profile, request, now);
  if (found.kind === 'not-found') return found;
  // pipeline handles back-pressure and stops reading pages when the reader goes away (a closed pipe).
  const source = Readable.from(found.chunks);
  if (typeof target === 'string') await pipeline(source, createWriteStream(target));
  else await pipeline(source, target, { end: false });
  return { kind: 'written', rows: found.rows() };
}

/** The extracts service for the API, bound to a database, profile and default school year. */
export function extractsService(db: Executor, profile: Profile, schoolYear: number) {
  return {
    /** An extract of a district's template rows for a year (default: the current one). */
    open: (district: string, templateId: string, format: ExtractFormat, year?: number) =>
      openExtract(db, profile, { district, templateId, format, schoolYear: year ?? schoolYear }),
  };
}

/** The service's type, for wiring. */
export type ExtractsService = ReturnType<typeof extractsService>;
