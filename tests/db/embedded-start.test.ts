import { describe, expect, it } from 'vitest';
import { started } from '../../src/db/embedded.js';
import { DatabaseOpenError } from '../../src/errors.js';

describe('the wait for PGlite to start', () => {
  it('is bounded: a start that never finishes is refused with the folder after the timeout', async () => {
    const never = { waitReady: new Promise<void>(() => {}), ready: false };
    const t = Date.now();
    const e = await started(never, 200, '/data/kezek/pgdata').catch((err: unknown) => err);
    expect(Date.now() - t).toBeGreaterThanOrEqual(190);
    expect(e).toBeInstanceOf(DatabaseOpenError);
    expect((e as DatabaseOpenError).reason).toBe('start_timeout');
    expect((e as Error).message).toBe('cannot open the embedded database in /data/kezek/pgdata: PGlite did not start within 0.2 s; the folder may be damaged');
  });

  it('a start that finishes in time, or just as the timer fires, is a start', async () => {
    await expect(started({ waitReady: Promise.resolve(), ready: true }, 1000, '/x')).resolves.toBeUndefined();
    // Ready, but its promise not yet seen when the timer fires: still started.
    await expect(started({ waitReady: new Promise<void>(() => {}), ready: true }, 10, '/x')).resolves.toBeUndefined();
  });
});
