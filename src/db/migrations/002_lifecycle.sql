-- kezek schema, version 2: the referral lifecycle, complaints and an append-only audit trail.

-- Lifecycle dates of a referral (deadlines are computed on the working-day calendar).
alter table referrals add column confirmed_on date;
alter table referrals add column enroll_by date;
alter table referrals add column extended_days int;
alter table referrals add column right_proven_on date;
alter table referrals add column closed_on date;

-- At most one live referral per application, whatever happens.
create unique index referrals_one_live on referrals(application_id) where status in ('offered', 'confirmed');
create index referrals_live on referrals(district_id, status);

-- inactive_since: the day the application went inactive (restore window);
-- restored_on: set once, an application is restored at most once;
-- unproven_rights: priority rights set aside when not proven in time (the
-- application is then judged as general; `rights` holds what still counts).
alter table applications add column inactive_since date;
alter table applications add column restored_on date;
alter table applications add column unproven_rights jsonb;

-- The business date a change took effect (the run date or the operator's --date).
alter table events add column effective_on date;

-- What step 1 of a run did in a district (read back when the date is re-run).
create table district_lapses (
  run_date     date not null,
  district_id  text not null references districts(id),
  counts       jsonb not null,
  primary key (run_date, district_id)
);

create table complaints (
  id              text primary key,
  application_id  text references applications(id),
  level           text not null check (level in ('provider', 'authority')),
  filed_on        date not null,
  due_on          date not null,
  subject         text not null,
  filed_by        text not null,
  answered_on     date,
  answered_by     text,
  created_at      timestamptz not null default now()
);
create index complaints_open on complaints(due_on) where answered_on is null;

-- The audit trail is append-only.
create function events_append_only() returns trigger language plpgsql as $$ begin raise exception 'events are append-only'; end $$;
create trigger events_no_update before update or delete on events for each row execute function events_append_only();
