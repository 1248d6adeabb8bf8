import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextSteps } from '../../src/cli/demo.js';
import { tempDir } from '../support/run-helpers.js';

describe("the demo's next commands", () => {
  it('name the demo folder and a real application of the night, and end with the pages: a console key, then the server at the next working day', () => {
    const home = join(tempDir('kezek-demo-next-'), 'with space');
    const out = join(home, 'runs', '2026-09-01');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'queue.ndjson'), '{"application":"APP-0000042","district":"D1","birthYear":2022,"category":"general","queueNumber":1}\n');
    writeFileSync(join(out, 'referrals.ndjson'), '{"referral":"R-1","application":"APP-0000007"}\n');
    const next = nextSteps(home, out, '2026-09-01', '2026-09-02');
    expect(next.dataDir).toBe(JSON.stringify(home));
    expect(next.commands[0]).toBe(`npx kezek position APP-0000042 --date 2026-09-01 --data-dir ${JSON.stringify(home)}`);
    expect(next.commands).toContain(`npx kezek history APP-0000007 --data-dir ${JSON.stringify(home)}`);
    expect(next.commands.slice(-2)).toEqual([
      `npx kezek keys create me --role operator --data-dir ${JSON.stringify(home)}`,
      `npx kezek serve --date 2026-09-02 --data-dir ${JSON.stringify(home)}`,
    ]);
  });

  it('leave out the application commands when the night left no queue and made no referral', () => {
    const home = tempDir('kezek-demo-next-');
    const out = join(home, 'runs', 'x');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'queue.ndjson'), '');
    writeFileSync(join(out, 'referrals.ndjson'), '');
    const next = nextSteps(home, out, '2026-09-01', '2026-09-02');
    expect(next.commands.some((c) => c.includes('position') || c.includes('history'))).toBe(false);
    expect(next.commands.some((c) => c.startsWith('npx kezek serve'))).toBe(true);
  });
});
