/**
 * Recognising an uploaded file before anything is written: its content hash, its template (from the record
 * type column or header, or the one the caller chose) and how its cells map onto the template's columns.
 */
import { createHash } from 'node:crypto';
import type { Profile, Template } from '@bitterroot/contracts';
import { templateByRecordType } from '../profile/profile.lookup.ts';
import { matchHeader, type DetectedFile, type ParseFinding } from './parsers/index.ts';
import { scanFile } from './parsers/file-chunks.ts';
import type { FindingRow } from './batch.repository.ts';

/** A reading problem as a stored finding. */
export function toFinding(f: ParseFinding): FindingRow {
  return {
    line: f.line,
    column: f.column,
    field: f.column,
    value: null,
    code: f.code,
    severity: f.severity,
    message: f.message,
    fix: f.fix,
  };
}

/** The file's SHA-256 and size. */
export async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  await scanFile(path, 0, (chunk) => {
    hash.update(chunk);
    bytes += chunk.length;
    return chunk.length;
  });
  return { sha256: hash.digest('hex'), bytes };
}

/** The template a file is for, or the finding that says why it cannot be told. */
export function chooseTemplate(
  profile: Profile,
  detected: DetectedFile,
  requested?: string,
): Template | ParseFinding {
  if (requested) {
    const t = profile.templates.find((x) => x.id === requested);
    if (t) return t;
    return {
      line: null,
      column: null,
      code: 'FILE-TEMPLATE',
      severity: 'fatal',
      message: `Unknown template ${requested}`,
      fix: `Use one of: ${profile.templates.map((x) => x.id).join(', ')}.`,
    };
  }
  const byType = detected.recordType ? templateByRecordType(profile, detected.recordType) : undefined;
  if (byType) return byType;
  return {
    line: null,
    column: null,
    code: 'FILE-TEMPLATE',
    severity: 'fatal',
    message: detected.recordType
      ? `Record type ${detected.recordType} is not a template of this state`
      : 'The file does not say which template it is',
    fix: `Start each row with its record type (${profile.templates.map((x) => x.recordType).join(', ')}) or choose the template explicitly.`,
  };
}

/** Maps file cells to template columns: positional for Montana HD files, by header name otherwise. */
export function columnMapping(template: Template, detected: DetectedFile): (number | null)[] | ParseFinding {
  if (!detected.headerNames) return template.columns.map((_, i) => i);
  const m = matchHeader(detected.headerNames, template.columns);
  return 'mapping' in m ? m.mapping : m;
}
