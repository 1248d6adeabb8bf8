import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'kezek.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (`npm test` builds first) as a separate process. */
export function kezek(args: string[], env: Record<string, string | undefined> = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: undefined, KEZEK_SCHEMA: undefined, ...env },
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export interface RunningCli {
  child: ChildProcess;
  /** Everything written to stderr so far. */
  stderr(): string;
  done: Promise<CliResult & { signal: NodeJS.Signals | null; endedAt: number }>;
}

/** Starts the built CLI without waiting for it (for several processes at once, or a kill). */
export function startKezek(args: string[], env: Record<string, string | undefined> = {}): RunningCli {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, DATABASE_URL: undefined, KEZEK_SCHEMA: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<CliResult & { signal: NodeJS.Signals | null; endedAt: number }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr, endedAt: Date.now() })),
  );
  return { child, stderr: () => stderr, done };
}

/**
 * Runs the CLI's `main` in this process, with `env` in process.env for the
 * while, and takes what it writes to stdout and stderr instead of printing it
 * (its JSON log lines too, which pino writes to fd 2, and what yargs prints
 * with console): the same command line, exit code and output as `kezek`,
 * without starting node and loading kezek again for each command. For the
 * tests where the process boundary is not what is tested (exit codes as a
 * process ends, signals, several processes at once stay with `kezek`); one
 * call at a time (the tests of a file run one after the other).
 */
export async function kezekHere(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  const { main } = await import('../../src/cli/cli.js');
  const wanted: Record<string, string | undefined> = { DATABASE_URL: undefined, KEZEK_SCHEMA: undefined, ...env };
  const saved = Object.keys(wanted).map((k) => [k, process.env[k]] as const);
  const set = (k: string, v: string | undefined) => (v === undefined ? delete process.env[k] : (process.env[k] = v));
  for (const [k, v] of Object.entries(wanted)) set(k, v);
  const taken = { 1: '', 2: '' };
  const text = (chunk: unknown, encoding?: unknown) =>
    typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString(typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  const take = (fd: 1 | 2) =>
    function (this: unknown, chunk: unknown, encoding?: unknown, cb?: unknown): boolean {
      taken[fd] += text(chunk, encoding);
      const done = typeof encoding === 'function' ? encoding : cb;
      if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
      return true;
    };
  const { stdout, stderr } = process;
  const [outWrite, errWrite, writeSync, log, error] = [stdout.write, stderr.write, fs.writeSync, console.log, console.error];
  stdout.write = take(1) as typeof stdout.write;
  stderr.write = take(2) as typeof stderr.write;
  // yargs prints --help, --version and completion with console.log, its own errors with console.error.
  console.log = (...a: unknown[]) => void (taken[1] += format(...a) + '\n');
  console.error = (...a: unknown[]) => void (taken[2] += format(...a) + '\n');
  fs.writeSync = function (fd: number, buffer: unknown, ...rest: unknown[]): number {
    if (fd !== 1 && fd !== 2) return (writeSync as (...a: unknown[]) => number)(fd, buffer, ...rest);
    const s = typeof buffer === 'string' ? buffer : Buffer.from(buffer as Uint8Array).toString('utf8');
    taken[fd] += s;
    return typeof buffer === 'string' ? Buffer.byteLength(buffer) : (buffer as Uint8Array).byteLength;
  } as typeof fs.writeSync;
  try {
    const code = await main(args);
    return { code, stdout: taken[1], stderr: taken[2] };
  } finally {
    stdout.write = outWrite;
    stderr.write = errWrite;
    fs.writeSync = writeSync;
    console.log = log;
    console.error = error;
    for (const [k, v] of saved) set(k, v);
  }
}
