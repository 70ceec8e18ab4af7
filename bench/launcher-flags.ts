/**
 * The runtime flags `./bitterroot` starts Node with (its `NODE_FLAGS` line), so a benchmark that runs product
 * code in a child process runs it as the product does.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The launcher's Node flags, in order. */
export function launcherFlags(): string[] {
  const launcher = readFileSync(resolve(import.meta.dirname, '../bitterroot'), 'utf8');
  const line = /^NODE_FLAGS="([^"]*)"$/m.exec(launcher);
  if (!line) throw new Error('the launcher has no NODE_FLAGS line');
  return line[1]!.split(/\s+/).filter(Boolean);
}
