import { randomBytes } from 'node:crypto';
import { closeSync, constants, fsyncSync, ftruncateSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * A file kezek writes is made anew under a temporary name in the same folder
 * (created exclusively, never through a symlink) and renamed into place when
 * it is complete: a symlink planted at the target is replaced, not followed,
 * and a reader never sees half a file.
 */
export class AtomicFile {
  readonly tempPath: string;
  private fd: number | null;
  private position = 0;

  /** Throws the system error (EACCES, ENOENT, ENOTDIR, EISDIR, ENOSPC…) when the file cannot be created. */
  constructor(
    readonly path: string,
    mode = 0o644,
  ) {
    this.tempPath = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    this.fd = openSync(this.tempPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode);
  }

  write(data: string | Uint8Array): void {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let at = 0; at < bytes.length; ) {
      const n = writeSync(this.fd!, bytes, at, bytes.length - at, this.position);
      at += n;
      this.position += n;
    }
  }

  /** Bytes written so far. */
  size(): number {
    return this.position;
  }

  /** Cuts the file back to `size` bytes: what a failed step wrote goes away. */
  truncate(size: number): void {
    ftruncateSync(this.fd!, size);
    this.position = size;
  }

  /** Flushes, closes and renames over the target (replacing whatever is there, a symlink included). */
  commit(): void {
    fsyncSync(this.fd!);
    closeSync(this.fd!);
    this.fd = null;
    renameSync(this.tempPath, this.path);
  }

  /** Closes and removes the temporary file; the target is left as it was. */
  discard(): void {
    if (this.fd !== null) {
      try {
        closeSync(this.fd);
      } catch {
        // a failed write may have left the descriptor unusable: the file is removed below either way
      }
      this.fd = null;
    }
    try {
      unlinkSync(this.tempPath);
    } catch {
      // never created, or already renamed away: nothing to remove
    }
  }
}

/** Writes a whole file atomically (see AtomicFile). */
export function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o644): void {
  const f = new AtomicFile(path, mode);
  try {
    f.write(data);
    f.commit();
  } catch (e) {
    f.discard();
    throw e;
  }
}

/** A system error's code and the path, as a person reads it: "EACCES (permission denied)". */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const words: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'not permitted',
    ENOENT: 'no such file or folder',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EISDIR: 'it is a folder',
    EEXIST: 'it already exists',
    ENOSPC: 'the disk is full',
    EROFS: 'the file system is read-only',
    ELOOP: 'it is a symbolic link',
    EDQUOT: 'the disk quota is exhausted',
  };
  return code ? `${code} (${words[code] ?? (e as Error).message})` : (e as Error)?.message ?? String(e);
}
