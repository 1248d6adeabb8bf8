import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { crc32cUpdate, pgControlProblem, PG_CONTROL_FILE_SIZE } from '../../src/db/pg-control.js';
import { newHome, pgdata } from '../support/embedded-homes.js';

let real: Buffer;

beforeAll(async () => {
  real = readFileSync(join(pgdata(await newHome()), 'global', 'pg_control'));
});

describe('pg_control check', () => {
  it('computes CRC-32C (the check value of "123456789" is e3069283)', () => {
    expect((crc32cUpdate(0xffffffff, Buffer.from('123456789')) ^ 0xffffffff) >>> 0).toBe(0xe3069283);
  });

  it('finds a real file whole, and any one changed byte of its struct makes it fail', () => {
    expect(real.length).toBe(PG_CONTROL_FILE_SIZE);
    expect(pgControlProblem(real)).toBeUndefined();
    for (const at of [0, 8, 12, 40, 100, 200, 280]) {
      const b = Buffer.from(real);
      b[at] = b[at]! ^ 0x01;
      expect(pgControlProblem(b), `byte ${at}`).toBe('fails its checksum');
    }
  });

  it('names an empty, a short and a zeroed file', () => {
    expect(pgControlProblem(new Uint8Array(0))).toBe('is empty');
    expect(pgControlProblem(real.subarray(0, 296))).toBe('is 296 bytes instead of 8192 (truncated or overwritten)');
    expect(pgControlProblem(new Uint8Array(PG_CONTROL_FILE_SIZE))).toBe('is all zeros');
  });
});
