/**
 * `./bitterroot user add|list|deactivate`: account administration from the command line, for the first state
 * administrator of a new installation and for scripts. The password comes from BITTERROOT_PASSWORD (never a
 * flag: flags show up in process lists and shell history).
 */
import { grantFrom } from '@bitterroot/core';
import { loadConfig } from '../platform/config.ts';
import { hashPassword, passwordProblem } from '../modules/access/passwords.ts';
import {
  findSignIn,
  insertGrant,
  insertUser,
  listUsers,
  setActive,
} from '../modules/access/users.repository.ts';
import { CliError } from './cli-error.ts';
import { parseFlags } from './flags.ts';
import { migrateOrExplain, openOrExplain } from './open.ts';

/** CLI entry. */
export async function userCommand(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  const { values } = parseFlags(rest, {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    district: { type: 'string' },
    school: { type: 'string' },
  });
  const config = loadConfig({ database: values.database, schoolYear: values['school-year'] });
  const database = await openOrExplain(config.database);
  try {
    await migrateOrExplain(database);
    if (verb === 'list') {
      for (const u of await listUsers(database.db, { all: true }))
        console.log(
          `${u.active ? ' ' : 'x'} ${u.email}  ${u.grants.map((g) => [g.role, g.districtNumber, g.schoolNumber].filter(Boolean).join(':')).join(', ')}`,
        );
      return 0;
    }
    const email = values.email ?? '';
    if (!email) throw new CliError('--email is required');
    if (verb === 'deactivate') {
      const user = await findSignIn(database.db, email);
      if (!user) throw new CliError(`no account ${email}`);
      await setActive(database.db, user.id, false);
      console.log(`deactivated ${email}`);
      return 0;
    }
    if (verb !== 'add')
      throw new CliError(
        'usage: user add|list|deactivate --email E [--role R --district NNNN --school NNNN --name N]',
      );
    const grant = grantFrom(values.role ?? '', values.district ?? null, values.school ?? null);
    if (!grant)
      throw new CliError(
        '--role with a fitting scope is required: state roles take no --district, district roles take --district, school-user takes --district and --school',
      );
    const password = process.env.BITTERROOT_PASSWORD;
    if (password !== undefined) {
      const weak = passwordProblem(password, email);
      if (weak) throw new CliError(`BITTERROOT_PASSWORD: ${weak}`);
    }
    const hash = password === undefined ? null : await hashPassword(password);
    const id =
      (await insertUser(database.db, {
        email,
        displayName: values.name ?? email.split('@')[0]!,
        passwordHash: hash,
      })) ?? (await findSignIn(database.db, email))!.id;
    await insertGrant(database.db, id, grant, null);
    console.log(
      `${email}: ${grant.role}${grant.districtNumber ? ` in ${grant.districtNumber}` : ''}${password === undefined ? ' (no password: send a reset link)' : ''}`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
