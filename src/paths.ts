import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { KezekError } from './errors.js';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The kezek checkout (where package.json is), from source or from dist/. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'rules'))) {
    const up = dirname(dir);
    if (up === dir) throw new KezekError('INSTALL_BROKEN', 'kezek package root not found (no package.json with a rules folder above the program)');
    dir = up;
  }
  return (root = dir);
}

export const defaultRulesDir = (): string => join(packageRoot(), 'rules');
export const migrationsDir = (): string => join(packageRoot(), 'src', 'db', 'migrations');
