import { isAscii } from 'node:buffer';
import { compareIds } from '../domain/ids.js';
import type { QueueEntry, Refusal } from '../domain/outcomes.js';
import type { Application, Category, GroupType, Language } from '../domain/types.js';
import { KezekError } from '../errors.js';
import { copyText, forEachCopyRow, type CopyValue } from './copy.js';

/**
 * The byte formats of a district's queue on its way through a night: the
 * queue as the database's COPY … TO gives it (QUEUE_COLUMNS, in
 * src/db/district-read.ts), and the queue numbers and refusals as COPY text
 * to store. Pure: the database edge and the compute step both use them.
 */

/** Preferences travel as one string joined by U+001F (ids never hold control characters: import rejects them). */
const UNIT_SEPARATOR = '\u001f';

/** The queued applications of readDistrictRaw's bytes, checked to be in byte order of ids. Pure. */
export function parseQueue(queue: Uint8Array, district: string): Application[] {
  const applications: Application[] = [];
  const bytes = Buffer.from(queue.buffer, queue.byteOffset, queue.byteLength);
  // Almost always plain ASCII (ids, dates, codes): then read byte for byte, the same text
  // as UTF-8 decoding gives, several times faster.
  const text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  // Rights come as JSON text and are parsed only when there are any; most children have none.
  forEachCopyRow(text, 11, (f) => {
    const rights = f[10]!;
    applications.push({
      id: f[0]!,
      district,
      birthDate: f[1]!,
      registeredAtUs: Number(f[2]),
      channel: f[3] as Application['channel'],
      preferences: f[4]!.split(UNIT_SEPARATOR),
      acceptAnyInDistrict: f[5] === 't',
      language: f[6] as Language,
      groupType: f[7] as GroupType,
      desiredFrom: f[8]!,
      stopListUntil: f[9] ?? null,
      rights: rights === '[]' ? [] : (JSON.parse(rights) as Application['rights']),
      status: 'queued',
    });
  });
  // The database's "C" order is byte order of UTF-8, as compareIds; checked, not assumed.
  for (let i = 1; i < applications.length; i++) {
    if (compareIds(applications[i - 1]!.id, applications[i]!.id) >= 0) throw new KezekError('INVARIANT_BROKEN', `district ${district}: applications not read in id order`, { district });
  }
  return applications;
}

/** Categories stored one letter each (queue_cohorts.categories). */
export const CATEGORY_OF_LETTER: Readonly<Record<string, Category>> = { e: 'extraordinary', p: 'primary', g: 'general' };

/** The columns of queueCohortsCopy's rows, in order. */
export const QUEUE_COHORT_COLUMNS = ['district_id', 'run_date', 'birth_year', 'run_id', 'application_ids', 'categories'] as const;
/** The columns of refusalsCopy's rows, in order. */
export const REFUSAL_COLUMNS = ['run_date', 'application_id', 'district_id', 'reasons', 'run_id'] as const;

/**
 * The queue as stored, as COPY text: one row per cohort, the applications in
 * queue order (the number is the position) and their categories as one letter
 * each. `queue` comes sorted by birth year, then queue number 1, 2, 3...
 */
export function queueCohortsCopy(queue: readonly QueueEntry[], date: string, runId: string): string {
  const rows: CopyValue[][] = [];
  for (let i = 0; i < queue.length; ) {
    const { district, birthYear } = queue[i]!;
    const ids: string[] = [];
    let letters = '';
    for (; i < queue.length && queue[i]!.birthYear === birthYear; i++) {
      const q = queue[i]!;
      if (q.queueNumber !== ids.length + 1) throw new KezekError('INVARIANT_BROKEN', `district ${district}: queue numbers of ${birthYear} are not 1, 2, 3...`, { district, birthYear });
      ids.push(q.application);
      letters += q.category[0];
    }
    rows.push([district, date, birthYear, runId, ids, letters]);
  }
  return copyText(rows);
}

/** The refusals as stored, as COPY text. */
export function refusalsCopy(refusals: readonly Refusal[], date: string, runId: string): string {
  return copyText(refusals.map((r) => [date, r.application, r.district, r.reasons, runId]));
}

