import type { Queryable } from './database.js';

/**
 * A bulk load into tables that start empty, the way pg_restore does it: the
 * tables' indexes, keys and foreign keys are dropped, the rows copied in, and
 * the same definitions (read from the catalog, so always the schema's own)
 * made again, by sorting instead of row by row. All of it in the caller's
 * transaction: a load that fails leaves the schema as it was.
 */

/** An index or constraint dropped for a bulk load, with the statement that makes it again. */
export interface Deferred {
  kind: 'foreign key' | 'key' | 'index';
  create: string;
}

/**
 * Drops the indexes and keys of `tables` and every foreign key from or to
 * them (the caller holds the transaction) and returns what it dropped.
 */
export async function dropForBulkLoad(tx: Queryable, tables: readonly string[]): Promise<Deferred[]> {
  const rows = await tx.query<{ kind: Deferred['kind']; tbl: string; name: string; def: string }>(
    `with t as (select unnest($1::text[])::regclass as rel)
     select 'foreign key' as kind, c.conrelid::regclass::text as tbl, quote_ident(c.conname) as name, pg_get_constraintdef(c.oid) as def, 1 as step
       from pg_constraint c
      where c.contype = 'f' and (c.conrelid in (select rel from t) or c.confrelid in (select rel from t))
     union all
     select 'key', c.conrelid::regclass::text, quote_ident(c.conname), pg_get_constraintdef(c.oid), 2
       from pg_constraint c
      where c.contype in ('p', 'u') and c.conrelid in (select rel from t)
     union all
     select 'index', i.indrelid::regclass::text, quote_ident(x.relname), pg_get_indexdef(i.indexrelid), 3
       from pg_index i join pg_class x on x.oid = i.indexrelid
      where i.indrelid in (select rel from t)
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x'))
     order by step, tbl, name`,
    [tables],
  );
  const deferred: Deferred[] = [];
  // Table and name come quoted where they must be (regclass text, quote_ident).
  for (const { kind, tbl, name, def } of rows) {
    await tx.query(kind === 'index' ? `drop index ${name}` : `alter table ${tbl} drop constraint ${name}`);
    deferred.push({ kind, create: kind === 'index' ? def : `alter table ${tbl} add constraint ${name} ${def}` });
  }
  return deferred;
}

/**
 * Makes again what dropForBulkLoad dropped: indexes and keys, then foreign
 * keys (each checked once, as a join).
 */
export async function restoreAfterBulkLoad(tx: Queryable, deferred: readonly Deferred[]): Promise<void> {
  for (const d of deferred) if (d.kind !== 'foreign key') await tx.query(d.create);
  for (const d of deferred) if (d.kind === 'foreign key') await tx.query(d.create);
}

/** The tables a generated national data set is copied into (see demo/load.ts). */
export const BULK_TABLES = ['applications', 'application_details', 'events'];

const APPLICATION_COLUMNS = [
  'id', 'district_id', 'child_birth_date', 'registered_at', 'registered_at_us', 'channel', 'preferences', 'accept_any',
  'language', 'group_type', 'desired_from', 'stop_list_until', 'rights', 'status',
];
const DETAIL_COLUMNS = ['id', 'child_iin', 'child_name', 'applicant_iin', 'applicant_name', 'applicant_relation', 'raw'];
const EVENT_COLUMNS = ['entity', 'entity_id', 'from_status', 'to_status', 'actor', 'reason'];

export async function applicationCount(q: Queryable): Promise<number> {
  const [row] = await q.query<{ n: number }>('select count(*)::int as n from applications');
  return row?.n ?? 0;
}

/** COPY text rows (UTF-8 bytes) in the column order the generated loader writes them. */
export const copyApplicationRows = (tx: Queryable, rows: Uint8Array) => tx.copyIn('applications', APPLICATION_COLUMNS, rows);
export const copyDetailRows = (tx: Queryable, rows: Uint8Array) => tx.copyIn('application_details', DETAIL_COLUMNS, rows);
export const copyEventRows = (tx: Queryable, rows: Uint8Array) => tx.copyIn('events', EVENT_COLUMNS, rows);

/**
 * The end of a bulk load of the queue: indexes made again (sorted in memory on
 * a server; the embedded database has less to give), and the table marked to
 * be clustered by district from then on.
 */
export async function finishBulkLoad(tx: Queryable, deferred: readonly Deferred[], kind: 'postgres' | 'embedded'): Promise<void> {
  if (kind === 'postgres') await tx.query(`set local maintenance_work_mem = '1GB'`);
  await restoreAfterBulkLoad(tx, deferred);
  await tx.query('alter table applications cluster on applications_district');
}
