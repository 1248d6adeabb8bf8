import type { CommandModule } from 'yargs';
import type { Common } from '../context.js';

export const rulesDiffCommand: CommandModule<Common, Common> = {
  command: 'diff',
  describe: 'compare two rule sets on the current queue',
  handler: () => {},
};
