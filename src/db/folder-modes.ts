/**
 * The embedded database folder is private to its owner: the folder and every
 * folder in it 0700, every file 0600. PGlite's file system layer creates
 * files 0666 whatever the umask, so the modes are set when a folder is
 * opened (before PGlite starts) and again when it is closed; in between,
 * the 0700 folder already keeps other users out of what it holds.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const FOLDER_MODE = 0o700;
export const FILE_MODE = 0o600;

/** Makes the folder (and missing parents) private from the start. */
export function makeFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: FOLDER_MODE });
}

/** Sets 0700 on the folder and the folders in it and 0600 on its files; returns how many it changed. */
export function makePrivate(folder: string): number {
  let changed = 0;
  const pending = [folder];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    changed += setMode(dir, FOLDER_MODE);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile()) changed += setMode(path, FILE_MODE);
      // Symlinks and sockets (the lock on some systems) keep their modes.
    }
  }
  return changed;
}

function setMode(path: string, mode: number): number {
  if ((lstatSync(path).mode & 0o7777) === mode) return 0;
  chmodSync(path, mode);
  return 1;
}
