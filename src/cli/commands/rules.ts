import type { CommandModule } from 'yargs';
import { loadRuleSet } from '../../rules/load.js';
import { configOf, print, type Common } from '../context.js';

interface Args extends Common {
  action: 'validate';
  dir?: string | undefined;
}

export const rulesCommand: CommandModule<Common, Args> = {
  command: 'rules <action> [dir]',
  describe: 'check the rule files (validate)',
  builder: (y) =>
    y
      .positional('action', { choices: ['validate'] as const, demandOption: true })
      .positional('dir', { type: 'string', describe: 'rules folder (default: the shipped rules/)' }),
  handler: (argv) => {
    const dir = configOf({ ...argv, rules: argv.dir ?? argv.rules }).rulesDir;
    const rules = loadRuleSet(dir);
    print(`Rules in ${dir} are valid: version ${rules.version} from ${rules.effectiveFrom}, hash ${rules.hash.slice(0, 12)}…`);
  },
};
