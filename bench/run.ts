import { benchRules } from './rules.bench.js';

/** `npm run bench` (quick) and `npm run bench:national` (full). */
const national = process.argv.includes('--national');
await benchRules(!national);
