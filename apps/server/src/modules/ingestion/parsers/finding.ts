/**
 * Findings the parsers report: one catalogue of codes with plain-language messages and fix hints, so the
 * upload screen can show the same wording whichever format the district sent.
 */

/** A problem found while reading a file; `line` is the physical line (or sheet row) it starts on. */
export type ParseFinding = {
  line: number | null;
  column: string | null;
  code: string;
  severity: 'fatal' | 'warning';
  message: string;
  fix: string;
};

/** Receives findings as the reader meets them. */
export type FindingSink = (f: ParseFinding) => void;

/** Builds a finding; `line` and `column` default to "whole file". */
export function finding(
  code: string,
  severity: ParseFinding['severity'],
  message: string,
  fix: string,
  line: number | null = null,
  column: string | null = null,
): ParseFinding {
  return { line, column, code, severity, message, fix };
}

/** The one finding for a file that is not text, CSV or XLSX (a PDF, an image, a zip of something else). */
export function notTabular(what: string): ParseFinding {
  return finding(
    'FILE-FORMAT',
    'fatal',
    `This is not a text, CSV or XLSX file (it looks like ${what}).`,
    'Export the data from your student information system as a tab-separated (.tsv/.txt), CSV or Excel .xlsx file and upload that file.',
  );
}

/** The finding for an empty file (no bytes, or only spaces and blank lines). */
export function emptyFile(): ParseFinding {
  return finding(
    'FILE-EMPTY',
    'fatal',
    'The file is empty.',
    'Check that you picked the right file and that the export finished before uploading.',
  );
}

/** The finding for a file with a header (HD or column names) but no records. */
export function noRows(): ParseFinding {
  return finding(
    'FILE-NO-ROWS',
    'fatal',
    'The file has a header but no data rows.',
    'Check that the export selected the students or staff you meant to send, then upload again.',
  );
}

// After this many findings with the same code only a count is kept: a damaged file must not flood the
// upload report (or memory) with a million copies of one message.
const PER_CODE_LIMIT = 100;

/** Wraps a sink so each code is reported at most PER_CODE_LIMIT times, then once as a summary. */
export function limitedSink(sink: FindingSink): FindingSink {
  const counts = new Map<string, number>();
  return (f) => {
    const n = (counts.get(f.code) ?? 0) + 1;
    counts.set(f.code, n);
    if (n <= PER_CODE_LIMIT) sink(f);
    else if (n === PER_CODE_LIMIT + 1) {
      sink(
        finding(
          f.code,
          f.severity,
          `More than ${PER_CODE_LIMIT} rows have this problem (${f.code}); only the first ${PER_CODE_LIMIT} are listed.`,
          f.fix,
        ),
      );
    }
  };
}
