import { relative, isAbsolute } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import type { z } from 'zod';
import { err, ok } from '@bitterroot/core';
import type { Result } from '@bitterroot/core';

/** One problem in a profile, located to a file, a 1-based line and a field path like `columns[3].type`. */
export type ProfileError = { file: string; line: number; field: string; message: string };

/** A parsed YAML file, kept with its document so later checks can point back at lines. */
export type ParsedFile = { file: string; doc: Document; lines: LineCounter; value: unknown };

/** A validated value together with the file it came from. */
export type Loaded<T> = { value: T; source: ParsedFile };

/** A path into a YAML document, as zod reports it. */
export type FieldPath = readonly PropertyKey[];

/** Renders a path the way a reader finds it in the file: `columns[3].type`. */
export function fieldOf(path: FieldPath): string {
  return path.reduce<string>((acc, seg) => {
    if (typeof seg === 'number') return `${acc}[${seg}]`;
    const name = String(seg);
    return acc === '' ? name : `${acc}.${name}`;
  }, '');
}

/** Shows files relative to the working directory (as editors and CI link them) unless they live elsewhere. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

function lineAt(parsed: ParsedFile, offset: number | undefined): number {
  return offset === undefined ? 1 : parsed.lines.linePos(offset).line;
}

/**
 * The line of the deepest node the path reaches. A missing key (zod: "required") points at the object that
 * lacks it; `atKey` points at a key itself rather than its value (used for unknown keys).
 */
export function lineOf(parsed: ParsedFile, path: FieldPath, atKey = false): number {
  let node: unknown = parsed.doc.contents;
  let line = lineAt(parsed, (node as Node | null)?.range?.[0]);
  for (const [i, seg] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg),
      );
      if (pair === undefined) break;
      const last = i === path.length - 1;
      const keyNode = pair.key as Node;
      const valueNode = pair.value as Node | null;
      line = lineAt(
        parsed,
        (last && atKey) || valueNode === null ? keyNode.range?.[0] : valueNode.range?.[0],
      );
      node = valueNode;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (item === undefined) break;
      line = lineAt(parsed, item.range?.[0]);
      node = item;
    } else {
      break;
    }
  }
  return line;
}

/** An error at a path of a parsed file. */
export function errorAt(parsed: ParsedFile, path: FieldPath, message: string, atKey = false): ProfileError {
  return { file: displayPath(parsed.file), line: lineOf(parsed, path, atKey), field: fieldOf(path), message };
}

/** Parses YAML text, reporting syntax errors (including duplicate keys) with their lines. */
export function parseYaml(file: string, text: string): Result<ParsedFile, ProfileError[]> {
  const lines = new LineCounter();
  // prettyErrors off: we print our own `file:line` prefix, the source excerpt would only repeat it.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    return err(
      doc.errors.map((e) => ({
        file: displayPath(file),
        line: lines.linePos(e.pos[0]).line,
        field: '',
        message: `YAML ${e.code}: ${e.message.split('\n')[0] ?? ''}`,
      })),
    );
  }
  return ok({ file, doc, lines, value: doc.toJS() as unknown });
}

/** Maps zod issues to located errors; unknown keys point at the key's own line. */
export function issuesToErrors(parsed: ParsedFile, issues: readonly z.core.$ZodIssue[]): ProfileError[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) =>
        errorAt(
          parsed,
          [...issue.path, key],
          'unknown key (typo, or missing quotes around a value with a comma?)',
          true,
        ),
      );
    }
    return [errorAt(parsed, issue.path, issue.message)];
  });
}

/** Validates a parsed file against a schema. */
export function validateFile<T>(parsed: ParsedFile, schema: z.ZodType<T>): Result<Loaded<T>, ProfileError[]> {
  const result = schema.safeParse(parsed.value);
  if (!result.success) return err(issuesToErrors(parsed, result.error.issues));
  return ok({ value: result.data, source: parsed });
}

/** `profiles/montana/templates/fram.yaml:12 columns[3].type: expected one of text|digits|…` */
export function formatProfileError(e: ProfileError): string {
  return e.field === '' ? `${e.file}:${e.line} ${e.message}` : `${e.file}:${e.line} ${e.field}: ${e.message}`;
}
