/** The `./bitterroot` command line: parses the verb and hands over to its command module. */
import { parseArgs } from 'node:util';
import { CliError } from '../commands/cli-error.ts';

type Verb = { summary: string; run: (args: string[]) => Promise<number> };

const verbs: Record<string, Verb> = {
  demo: {
    summary: 'set up and run a synthetic Montana on the embedded database',
    run: async (a) => (await import('../commands/demo.ts')).demo(a),
  },
  test: {
    summary: 'run every check and test (PostgreSQL tests when a server is reachable)',
    run: async (a) => (await import('../commands/test.ts')).test(a),
  },
  init: {
    summary: 'create or update the state: migrations, profile, districts, schools, calendars',
    run: async (a) => (await import('../commands/init.ts')).initCommand(a),
  },
  serve: {
    summary: 'start the web server on an existing database',
    run: async (a) => (await import('../commands/serve.ts')).serveCommand(a),
  },
  generate: {
    summary: 'write a synthetic state as district upload files',
    run: async (a) => (await import('../commands/generate.ts')).generateCommand(a),
  },
  'load-baseline': {
    summary: "bulk-load the state's identity registry and history (DIR/state-baseline)",
    run: async (a) => (await import('../commands/load.ts')).loadBaselineCommand(a),
  },
  load: {
    summary: 'bulk-load generated district files (the demo conversion load)',
    run: async (a) => (await import('../commands/load.ts')).loadDistrictsCommand(a),
  },
  import: {
    summary: 'upload district files through the validating pipeline (atomic; --dry-run validates only)',
    run: async (a) => (await import('../commands/import.ts')).importCommand(a),
  },
  extract: {
    summary: "a district's stored rows of one template as an upload file (--format tsv|csv, --out FILE)",
    run: async (a) => (await import('../commands/extract.ts')).extractCommand(a),
  },
  validate: {
    summary:
      'run the statewide validation rules (--district NNNN, --collection ID, --json); exit 1 on fatal findings',
    run: async (a) => (await import('../commands/validate.ts')).validateCommand(a),
  },
  user: {
    summary:
      'accounts: user add --email E --role R [--district NNNN] [--school NNNN] (password from BITTERROOT_PASSWORD), user list, user deactivate',
    run: async (a) => (await import('../commands/user.ts')).userCommand(a),
  },
  ews: {
    summary:
      'early warning: ews load DIR | ews train --train Y1,Y2 --test Y [--grades 9,10] [--promote] | ews score --as-of DATE',
    run: async (a) => (await import('../commands/ews.ts')).ewsCommand(a),
  },
  stats: {
    summary: 'record counts per type per district (verification summary)',
    run: async (a) => (await import('../commands/stats.ts')).statsCommand(a),
  },
  report: {
    summary: 'an outcome measure: report acgr|dropout|cte|behavior [--district NNNN] [--source S] [--json]',
    run: async (a) => (await import('../commands/report.ts')).reportCommand(a),
  },
  export: {
    summary: 'state files: export edfacts --file FS052 --out DIR, export maefairs-anb|nutrition|… --out DIR',
    run: async (a) => (await import('../commands/export.ts')).exportCommand(a),
  },
};

function usage(): string {
  const lines = Object.entries(verbs).map(([name, v]) => `  ${name.padEnd(14)} ${v.summary}`);
  return `usage: ./bitterroot <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nevery command takes --database URL|DIR (default: .data in the working directory)`;
}

async function main(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv.slice(0, 1), allowPositionals: true, strict: false });
  const name = positionals[0];
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const verb = verbs[name];
  if (!verb) {
    console.error(`bitterroot: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  return await verb.run(argv.slice(1));
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  // Expected failures are one line that says what to do; anything else is a bug with a stack.
  if (e instanceof CliError) console.error(`bitterroot: ${e.message}`);
  else console.error(e);
  process.exitCode = 1;
}
