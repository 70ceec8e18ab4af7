/** Shared option parsing for commands. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cli-error.ts';

/** Options every command accepts. */
export const commonOptions = {
  database: { type: 'string' },
  'school-year': { type: 'string' },
  profile: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

/** parseArgs that turns unknown options into a one-line CliError. */
export function parseFlags<O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options: { ...commonOptions, ...options }, allowPositionals, strict: true });
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}
