import { closeSync, existsSync, fstatSync, lstatSync, openSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Database, Queryable } from '../db/database.js';
import {
  knownDistricts,
  knownKindergartens,
  settleAfterLoad,
  beginApplicationStage,
  mergeStagedApplications,
  mergeStagedApplicationsReference,
  historyIsEmpty,
  queueIsEmpty,
  stageApplicationRows,
  stageApplications,
  appendStageRow,
  takeStagedConflicts,
  upsertDistricts,
  upsertKindergartens,
  upsertPlaces,
} from '../db/imports.js';
import { dropForBulkLoad, finishBulkLoad } from '../db/bulk.js';
import { CopyBytes } from '../codec/copy.js';
import { InputError } from '../errors.js';
import { AtomicFile, describeFsError } from '../io/atomic-file.js';
import type { Logger } from '../log.js';
import type { RuleSet } from '../rules/ruleset.js';
import { readNdjson } from '../io/ndjson.js';
import {
  checkApplication,
  checkDistrict,
  checkKindergarten,
  checkPlace,
  type ApplicationRecord,
  type Checked,
  type PlaceRecord,
  type Reject,
} from '../intake/lines.js';

/** The seats column's range (PostgreSQL int). */
const MAX_SEATS = 2_147_483_647;

export const INPUT_FILES = ['districts.ndjson', 'kindergartens.ndjson', 'places.ndjson', 'applications.ndjson'] as const;
export type InputFile = (typeof INPUT_FILES)[number];

export interface FileReport {
  file: InputFile;
  lines: number;
  imported: number;
  rejected: number;
}

export interface ImportReport {
  files: FileReport[];
  rejected: number;
  rejectsPath: string;
}

export interface ImportOptions {
  /** Where rejected lines go (one JSON object per rejected line). */
  rejectsPath: string;
  /** Who imports (recorded on status events). */
  actor: string;
  rules: RuleSet;
  log: Logger;
  /** The business date of the import (its events' `effective_on`, the seat history): the day it is done. */
  date: string;
  /** Rows per statement. */
  batchSize?: number;
  /**
   * The reference path the fast one is tested against: each line staged on
   * its own and every staged application upserted, changed or not, without
   * the bulk load into an empty queue. Same tables (but for updated_at), slower.
   */
  reference?: boolean;
}

/** A rejected input line, as written to the rejects file. */
export interface RejectRow extends Reject {
  file: string;
  line: number;
  id?: string;
  /** The line as read (cut at 2,000 characters) so it can be fixed and sent again. */
  text: string;
}

/**
 * `kezek import DIR`: the files present are loaded in dependency order, each
 * in one transaction; bad lines go to the rejects file and the rest go on.
 * Before anything is committed: every input file is readable, and the
 * rejects file (never one of the inputs) can be created. It is written under
 * a temporary name, readable by its owner only (it holds whole lines, IINs and
 * names), and renamed into place at the end; a file whose transaction fails
 * leaves no rejects behind.
 */
export async function importFolder(db: Database, dir: string, options: ImportOptions): Promise<ImportReport> {
  const present = INPUT_FILES.filter((f) => existsSync(join(dir, f)));
  if (!present.length) throw new InputError(`no input files in ${dir} (expected ${INPUT_FILES.join(', ')})`);
  for (const f of present) checkReadable(join(dir, f));
  const rejects = openRejects(options.rejectsPath, present.map((f) => join(dir, f)));
  const files: FileReport[] = [];
  let rejected = 0;
  try {
    for (const file of present) {
      const start = rejects.size();
      let fileRejected = 0;
      let pending = '';
      let settle: 'cluster' | 'vacuum' | 'analyze' | 'places' | null = null;
      const flush = () => {
        rejects.write(pending);
        pending = '';
      };
      try {
        const { report, settle: after } = await importFile(db, dir, file, options, (row) => {
          fileRejected++;
          pending += JSON.stringify(row) + '\n';
          if (pending.length > 1 << 16) flush();
        });
        flush();
        settle = after;
        files.push(report);
        rejected += fileRejected;
        options.log.info({ file: report.file, lines: report.lines, imported: report.imported, rejected: report.rejected }, 'file imported');
      } catch (e) {
        // The file's transaction rolled back: so do its rejects (the earlier files' stay).
        rejects.truncate(start);
        throw e;
      }
      if (settle) {
        const t = performance.now();
        await settleAfterLoad(db, settle);
        options.log.debug({ file, phase: settle, ms: Math.round(performance.now() - t) }, 'import phase');
      }
    }
  } finally {
    rejects.commit();
  }
  return { files, rejected, rejectsPath: options.rejectsPath };
}

/** An input file must be a regular file this process can read: said before anything is imported. */
function checkReadable(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${describeFsError(e)}`, { file: basename(path) });
  }
  try {
    if (!fstatSync(fd).isFile()) throw new InputError(`${path} is not a regular file`, { file: basename(path) });
  } finally {
    closeSync(fd);
  }
}

/**
 * The rejects file, created (under a temporary name) before anything is
 * imported; refused when it would be one of the inputs or is a folder.
 */
function openRejects(path: string, inputs: readonly string[]): AtomicFile {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      try {
        return join(realpathSync(dirname(p)), basename(p));
      } catch {
        return p;
      }
    }
  };
  const target = real(path);
  const input = inputs.find((i) => real(i) === target);
  if (input) throw new InputError(`the rejects file ${path} would overwrite the input ${input}: name another file with --rejects`);
  try {
    if (lstatSync(path).isDirectory()) throw new InputError(`the rejects file ${path} is a folder: name a file with --rejects`);
  } catch (e) {
    if (e instanceof InputError) throw e;
    // not there yet: it is created below
  }
  try {
    return new AtomicFile(path, 0o600);
  } catch (e) {
    throw new InputError(`cannot create the rejects file ${path}: ${describeFsError(e)}; nothing was imported`);
  }
}

async function importFile(
  db: Database,
  dir: string,
  file: InputFile,
  options: ImportOptions,
  onReject: (row: RejectRow) => void,
): Promise<{ report: FileReport; settle: 'cluster' | 'vacuum' | 'analyze' | 'places' | null }> {
  // Copies: the file's own districts and kindergartens join them as its lines are checked.
  const districts = new Set(await knownDistricts(db));
  const kindergartens = new Map(await knownKindergartens(db));
  const reference = options.reference === true;
  const batchSize = reference && file === 'applications.ndjson' ? 1 : (options.batchSize ?? 10_000);
  let settle: 'cluster' | 'vacuum' | 'analyze' | 'places' | null = file === 'places.ndjson' ? 'places' : null;
  const report: FileReport = { file, lines: 0, imported: 0, rejected: 0 };
  const seen = new Set<string>();

  const reject = (line: number, text: string, r: Reject, id?: string) => {
    report.rejected++;
    onReject({ file, line, ...(id !== undefined ? { id } : {}), reason: r.reason, ...(r.field ? { field: r.field } : {}), message: r.message, text: text.slice(0, 2000) });
  };

  /** Each file kind: how to check a line and how to write a batch. */
  const check = (value: unknown): Checked<unknown> => {
    switch (file) {
      case 'districts.ndjson': {
        const c = checkDistrict(value);
        if (c.ok) districts.add(c.value.id);
        return c;
      }
      case 'kindergartens.ndjson':
        return checkKindergarten(value, districts);
      case 'places.ndjson':
        return checkPlace(value, kindergartens);
      case 'applications.ndjson':
        return checkApplication(value, {
          districts,
          kindergartens,
          maxPreferences: options.rules.parameters.maxPreferences,
          knownRights: options.rules.knownRights,
        });
    }
  };
  const write = async (tx: Queryable, batch: unknown[]): Promise<void> => {
    switch (file) {
      case 'districts.ndjson':
        return upsertDistricts(tx, batch as never);
      case 'kindergartens.ndjson':
        return upsertKindergartens(tx, batch as never);
      case 'places.ndjson':
        return upsertPlaces(tx, batch as never, { actor: options.actor, date: options.date });
      case 'applications.ndjson':
        return stageApplications(tx, batch as never);
    }
  };

  // Rows of one group add up; they must agree on what the group is.
  const groups = new Map<string, PlaceRecord>();

  // Where an import's time goes, at --log-level debug (the README's figures).
  let lap = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    options.log.debug({ file, phase: name, ms: Math.round(now - lap) }, 'import phase');
    lap = now;
  };
  await db.transaction(async (tx) => {
    // Into an empty queue (a department's first import) the rows go as pg_restore puts
    // them: indexes and keys dropped, rows inserted in district order, indexes sorted anew.
    let fresh = false;
    if (file === 'applications.ndjson') {
      await beginApplicationStage(tx);
      fresh = !reference && (await queueIsEmpty(tx));
      if (db.kind === 'postgres') await tx.query(`set local work_mem = '512MB'`);
    }
    let batch: unknown[] = [];
    let fast = file === 'applications.ndjson' && !reference ? new CopyBytes(STAGE_BYTES + (1 << 16)) : null;
    // Two buffers used in turn, never a new one a batch: a batch's buffer lives while megabytes of
    // lines are read, so it outlives the young generation, and buffers left for the rare full
    // collections piled up (2,000,000 applications embedded: up to 450 MB of them, peak RSS 1.8 GB).
    let spare = fast && db.kind === 'postgres' ? new CopyBytes(STAGE_BYTES + (1 << 16)) : null;
    let inFlight: Promise<void> = Promise.resolve();
    for await (const entry of readNdjson(join(dir, file))) {
      report.lines++;
      if ('problem' in entry) {
        reject(entry.line, entry.text, { reason: entry.problem, ...(entry.field ? { field: entry.field } : {}), message: entry.message });
        continue;
      }
      const id = idOf(entry.value);
      if (file !== 'places.ndjson' && id !== undefined) {
        if (seen.has(id)) {
          reject(entry.line, entry.text, { reason: 'duplicate_id', field: 'id', message: `id ${id} appears earlier in this file` }, id);
          continue;
        }
        seen.add(id);
      }
      const checked = check(entry.value);
      if (!checked.ok) {
        reject(entry.line, entry.text, checked.reject, id);
        continue;
      }
      if (file === 'places.ndjson') {
        const p = checked.value as PlaceRecord;
        const key = `${p.kindergarten}\u0000${p.group}`;
        const prior = groups.get(key);
        if (prior && (prior.birthYear !== p.birthYear || prior.language !== p.language || prior.groupType !== p.groupType)) {
          reject(entry.line, entry.text, {
            reason: 'conflicting_group',
            field: 'group',
            message: `group ${p.group} of ${p.kindergarten} was given another birthYear, language or groupType earlier in this file`,
          });
          continue;
        }
        if (prior && prior.seats + p.seats > MAX_SEATS) {
          reject(entry.line, entry.text, {
            reason: 'invalid_seats',
            field: 'seats',
            message: `the rows of group ${p.group} of ${p.kindergarten} add up to more than ${MAX_SEATS} seats`,
          });
          continue;
        }
        if (prior) prior.seats += p.seats;
        else groups.set(key, { ...p });
        report.imported++;
        continue;
      }
      report.imported++;
      if (fast) {
        // The fast path: rows straight into COPY bytes; one COPY goes to the database while the
        // next megabytes are read and checked (the server parses while this process does).
        appendStageRow(fast, checked.value as ApplicationRecord, entry.text, entry.bytes, entry.line);
        if (fast.length >= STAGE_BYTES) {
          if (spare) {
            await inFlight;
            inFlight = settled(stageApplicationRows(tx, fast));
            [fast, spare] = [spare, fast];
          } else {
            // PGlite runs in this thread: nothing to overlap, and the copies it makes of a
            // batch (a Blob, its ArrayBuffer) die young when it is written at once.
            await stageApplicationRows(tx, fast);
          }
          fast.clear();
        }
        continue;
      }
      batch.push(file === 'applications.ndjson' ? { ...(checked.value as object), rawText: entry.text, line: entry.line } : checked.value);
      if (batch.length >= batchSize) {
        await write(tx, batch);
        batch = [];
      }
    }
    await inFlight;
    if (fast?.length) await stageApplicationRows(tx, fast);
    if (file === 'places.ndjson') batch = [...groups.values()];
    for (let i = 0; i < batch.length; i += batchSize) await write(tx, batch.slice(i, i + batchSize));
    if (file === 'applications.ndjson') {
      // The planner's view of the stage (a temporary table is never analysed by itself).
      if (!reference) await tx.query('analyze stage_applications');
      phase('read, check and stage');
      // What only the stored data can tell: a status the lifecycle owns, a child already in the queue.
      for (const c of await takeStagedConflicts(tx, reference)) {
        report.imported--;
        reject(c.line, c.text, { reason: c.reason, field: c.field, message: c.message }, c.id);
      }
      phase('conflicts');
      if (reference) {
        await mergeStagedApplicationsReference(tx, options.actor, options.date);
        settle = report.imported >= 50_000 ? 'cluster' : 'analyze';
      } else {
        // The history's indexes too when it is empty (else making them again would cost more than keeping them).
        const tables = fresh && (await historyIsEmpty(tx)) ? [...BULK_LOAD_TABLES, 'events'] : BULK_LOAD_TABLES;
        const deferred = fresh ? await dropForBulkLoad(tx, tables) : [];
        const written = await mergeStagedApplications(tx, options.actor, options.date, fresh);
        phase(`merge (${written.inserted} new, ${written.updated} changed)`);
        if (fresh) {
          await finishBulkLoad(tx, deferred, db.kind);
          phase('indexes made again');
        }
        // New rows stored out of district order (a big addition to a queue): sorted again.
        // A first load went in district order; updated rows stay where they were.
        settle = fresh ? 'vacuum' : written.inserted >= 50_000 ? 'cluster' : 'analyze';
      }
    }
  });
  phase('commit');
  return { report, settle };
}

/** Bytes of COPY text per staging write on the fast path. */
const STAGE_BYTES = 4 << 20;

/** The promise, with its failure noted now and thrown when it is awaited (not an unhandled rejection meanwhile). */
function settled(p: Promise<void>): Promise<void> {
  p.catch(() => {});
  return p;
}

/** The tables a first import loads with their indexes dropped (both empty then). */
const BULK_LOAD_TABLES = ['applications', 'application_details'];

function idOf(value: unknown): string | undefined {
  if (typeof value === 'object' && value !== null && 'id' in value) {
    const id = (value as { id: unknown }).id;
    if (typeof id === 'string') return id;
  }
  return undefined;
}
