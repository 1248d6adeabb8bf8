import { hideBin } from 'yargs/helpers';
import { main } from './cli.js';

// `kezek due | head`: the reader has gone, there is nobody left to tell anything.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await main(hideBin(process.argv));
