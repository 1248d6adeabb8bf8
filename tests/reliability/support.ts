import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { kezek, kezekHere, type CliResult } from '../support/cli.js';
import { POSTGRES_URL, dropSchema, newSchemaName } from '../support/databases.js';
import { tempDir } from '../support/run-helpers.js';
import { afterAll } from 'vitest';

/** A fresh schema on the server for a CLI process; dropped after the file's tests. */
export function serverEnv(): Record<string, string> {
  const schema = newSchemaName();
  schemas.push(schema);
  return { DATABASE_URL: POSTGRES_URL, KEZEK_SCHEMA: schema };
}
const schemas: string[] = [];
afterAll(async () => {
  for (const s of schemas) await dropSchema(s);
});

/** One line on stderr, starting "kezek: ", no stack trace. */
export function oneLine(r: CliResult): string {
  const text = r.stderr.trim();
  if (text.split('\n').length !== 1 || !text.startsWith('kezek: ') || /\n\s+at /.test(text)) throw new Error(`not a one-line error: ${text}`);
  return text;
}

export const isRoot = process.getuid?.() === 0;

/** A tmpfs of `size` (root only): a full disk, or (remounted) a read-only one. Returns null where it cannot be made. */
export function tmpfs(size: string): { dir: string; readOnly(): void; unmount(): void } | null {
  if (!isRoot) return null;
  const dir = tempDir('kezek-tmpfs-');
  mkdirSync(dir, { recursive: true });
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]).status !== 0) return null;
  return {
    dir,
    readOnly: () => {
      if (spawnSync('mount', ['-o', 'remount,ro', dir]).status !== 0) throw new Error(`cannot remount ${dir} read-only`);
    },
    unmount: () => void spawnSync('umount', ['-l', dir]),
  };
}

export { kezek, kezekHere };
