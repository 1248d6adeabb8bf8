import type { Complaint } from '../lifecycle/complaints.js';
import type { Queryable } from './database.js';

/** SQL of complaints: registered once, answered once, never deleted. */

interface Row {
  id: string;
  application_id: string | null;
  level: Complaint['level'];
  filed_on: string;
  due_on: string;
  subject: string;
  filed_by: string;
  answered_on: string | null;
  answered_by: string | null;
}

const COLUMNS = `id, application_id, level, filed_on::text as filed_on, due_on::text as due_on, subject, filed_by,
  answered_on::text as answered_on, answered_by`;

const toComplaint = (r: Row): Complaint => ({
  id: r.id,
  application: r.application_id,
  level: r.level,
  filedOn: r.filed_on,
  dueOn: r.due_on,
  subject: r.subject,
  filedBy: r.filed_by,
  answeredOn: r.answered_on,
  answeredBy: r.answered_by,
});

/** Inserts; false when the incoming number is already registered. */
export async function insertComplaint(q: Queryable, c: Complaint): Promise<boolean> {
  const rows = await q.query(
    `insert into complaints (id, application_id, level, filed_on, due_on, subject, filed_by)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict (id) do nothing returning id`,
    [c.id, c.application, c.level, c.filedOn, c.dueOn, c.subject, c.filedBy],
  );
  return rows.length === 1;
}

export async function readComplaint(q: Queryable, id: string, lock = false): Promise<Complaint | null> {
  const rows = await q.query<Row>(`select ${COLUMNS} from complaints where id = $1${lock ? ' for update' : ''}`, [id]);
  return rows[0] ? toComplaint(rows[0]) : null;
}

export async function markAnswered(q: Queryable, id: string, date: string, actor: string): Promise<void> {
  await q.query(`update complaints set answered_on = $2, answered_by = $3 where id = $1 and answered_on is null`, [id, date, actor]);
}

/** All complaints, or only those unanswered after their due day at `overdueAt`; by due day, then number. */
export async function listComplaints(q: Queryable, overdueAt?: string): Promise<Complaint[]> {
  const rows = await q.query<Row>(
    overdueAt
      ? `select ${COLUMNS} from complaints where answered_on is null and due_on < $1::date order by due_on, id collate "C"`
      : `select ${COLUMNS} from complaints order by due_on, id collate "C"`,
    overdueAt ? [overdueAt] : [],
  );
  return rows.map(toComplaint);
}

export async function applicationExists(q: Queryable, id: string): Promise<boolean> {
  return (await q.query(`select 1 from applications where id = $1`, [id])).length === 1;
}
