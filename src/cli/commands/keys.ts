import type { Argv, CommandModule } from 'yargs';
import { knownDistricts } from '../../db/imports.js';
import { insertKey, KEY_ROLES, listKeys, revokeKey, type KeyRole } from '../../db/keys.js';
import { NotFoundError, UsageError } from '../../errors.js';
import { hashApiKey, newApiKey } from '../../server/api-key.js';
import { print, withContext, type Common } from '../context.js';

interface CreateArgs extends Common {
  name: string;
  role: KeyRole;
  district: string[];
  json: boolean;
}

interface ListArgs extends Common {
  json: boolean;
}

interface RevokeArgs extends Common {
  name: string;
  json: boolean;
}

/** A key's name: it is the actor `key:NAME` of everything the key does, in the audit trail. */
function checkName(value: unknown): string {
  const name = String(value ?? '').trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name)) throw new UsageError('NAME is 1 to 64 letters, digits, . _ - (it names the key in the audit trail: key:NAME)');
  return name;
}

const create: CommandModule<Common, CreateArgs> = {
  command: 'create <name>',
  describe: 'make an API key (printed once; kezek keeps only its hash)',
  builder: (y) =>
    y
      .positional('name', { type: 'string', demandOption: true, describe: 'who holds it, e.g. egov-portal or office-ala-med' })
      .option('role', { choices: KEY_ROLES, demandOption: true, describe: 'portal, office, operator or policy (api.md)' })
      .option('district', { type: 'string', array: true, default: [] as string[], describe: 'limit the key to these districts (repeat; default all)' })
      .option('json', { type: 'boolean', default: false, describe: 'print {"name", "role", "districts", "key"}' })
      .example('$0 keys create egov-portal --role portal', 'the e-government portal')
      .example('$0 keys create office-med --role office --district ALA-MED', "a district office: its district's applications only"),
  handler: async (argv) => {
    const name = checkName(argv.name);
    const districts = [...new Set(argv.district.map(String))].sort();
    await withContext(argv, async ({ db }) => {
      const known = await knownDistricts(db);
      const unknown = districts.filter((d) => !known.has(d));
      if (unknown.length) throw new UsageError(`unknown district: ${unknown.join(', ')} (import the districts first)`);
      const key = newApiKey();
      if (!(await insertKey(db, { name, role: argv.role, districts, hash: hashApiKey(key) })))
        throw new UsageError(`a key named ${name} exists or existed (names are never reused: the audit trail names keys); choose another name`);
      if (argv.json) return print(JSON.stringify({ name, role: argv.role, districts, key }));
      print(`API key ${name} (role ${argv.role}, ${districts.length ? `districts ${districts.join(', ')}` : 'every district'}):`);
      print(key);
      print('It is shown only now: kezek keeps only its hash. Send it as "Authorization: Bearer KEY".');
    });
  },
};

const list: CommandModule<Common, ListArgs> = {
  command: 'list',
  describe: 'the keys: name, role, districts, made, revoked (never the keys themselves)',
  builder: (y) => y.option('json', { type: 'boolean', default: false, describe: 'print NDJSON' }).example('$0 keys list', 'every key and whether it is live'),
  handler: async (argv) => {
    await withContext(argv, async ({ db }) => {
      const keys = await listKeys(db);
      if (argv.json) return keys.forEach((k) => print(JSON.stringify(k)));
      if (!keys.length) return print('No API keys. Make one with kezek keys create NAME --role portal|office|operator|policy.');
      for (const k of keys)
        print(`${k.name.padEnd(24)} ${k.role.padEnd(8)} ${(k.districts.length ? k.districts.join(',') : 'all districts').padEnd(20)} made ${k.createdAt}${k.revokedAt ? `  REVOKED ${k.revokedAt}` : ''}`);
    });
  },
};

const revoke: CommandModule<Common, RevokeArgs> = {
  command: 'revoke <name>',
  describe: 'revoke a key at once (every server refuses it from the next request on)',
  builder: (y) =>
    y
      .positional('name', { type: 'string', demandOption: true })
      .option('json', { type: 'boolean', default: false, describe: 'print {"name", "revoked": "now"|"before"}' })
      .example('$0 keys revoke office-med', 'the office lost its key'),
  handler: async (argv) => {
    const name = checkName(argv.name);
    await withContext(argv, async ({ db }) => {
      const r = await revokeKey(db, name);
      if (r === 'unknown') throw new NotFoundError('key', name);
      if (argv.json) return print(JSON.stringify({ name, revoked: r === 'revoked' ? 'now' : 'before' }));
      print(r === 'revoked' ? `Key ${name} is revoked.` : `Key ${name} was revoked before.`);
    });
  },
};

export const keysCommand: CommandModule<Common, Common> = {
  command: 'keys <action>',
  describe: 'API keys of the online service: create NAME --role R [--district ID ...] | list | revoke NAME',
  builder: (y: Argv<Common>) =>
    y
      .command(create as unknown as CommandModule<Common, Common>)
      .command(list as unknown as CommandModule<Common, Common>)
      .command(revoke as unknown as CommandModule<Common, Common>)
      .demandCommand(1, 'name an action: create, list or revoke')
      .example('$0 keys create egov-portal --role portal', 'a key for the portal'),
  handler: () => {},
};
