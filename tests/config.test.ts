import { describe, expect, it } from 'vitest';
import { invocation } from '../src/cli/cli.js';
import { resolveConfig } from '../src/config.js';
import { UsageError } from '../src/errors.js';

describe('resolveConfig: the wait for the embedded database', () => {
  it('is 5 s by default, else KEZEK_WAIT, else --wait (which wins)', () => {
    expect(resolveConfig({}, {}).database.lockWaitMs).toBe(5000);
    expect(resolveConfig({}, { KEZEK_WAIT: '2.5' }).database.lockWaitMs).toBe(2500);
    expect(resolveConfig({ wait: 0 }, { KEZEK_WAIT: '30' }).database.lockWaitMs).toBe(0);
  });

  it('refuses what is not a number of seconds from 0 to 86400', () => {
    for (const [input, env] of [[{ wait: -1 }, {}], [{ wait: Number.NaN }, {}], [{}, { KEZEK_WAIT: 'soon' }], [{ wait: 90_000 }, {}]] as const) {
      expect(() => resolveConfig(input, env)).toThrow(UsageError);
    }
  });

  it('passes who is running to the database layer', () => {
    const owner = invocation(['allocate', '--date', '2026-09-01', '--out', 'runs/a b'], ['allocate']);
    expect(owner).toEqual({ name: 'allocate', command: 'kezek allocate --date 2026-09-01 --out "runs/a b"' });
    expect(resolveConfig({ owner }, {}).database.owner).toEqual(owner);
    expect(invocation(['register', 'x'.repeat(400)], ['register']).command).toHaveLength(300);
  });
});
