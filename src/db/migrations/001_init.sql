-- kezek schema, version 1. Plain SQL shared by PostgreSQL and the embedded PGlite.

create table districts (
  id          text primary key,
  name        text not null,
  region      text,
  raw         jsonb not null,
  updated_at  timestamptz not null default now()
);

create table kindergartens (
  id          text primary key,
  district_id text not null references districts(id),
  name        text not null,
  languages   text[] not null,
  raw         jsonb not null,
  updated_at  timestamptz not null default now()
);
create index kindergartens_district on kindergartens(district_id);

-- Free seats on offer per group. A run takes seats as it issues referrals;
-- a lapsed or declined referral gives its seat back.
create table places (
  kindergarten_id text not null references kindergartens(id),
  group_id        text not null,
  birth_year      int not null,
  language        text not null check (language in ('kk', 'ru')),
  group_type      text not null check (group_type in ('general', 'special')),
  seats           int not null check (seats >= 0),
  updated_at      timestamptz not null default now(),
  primary key (kindergarten_id, group_id)
);

-- The queue itself: what allocation reads, nothing personal. Narrow rows and
-- free space on each page (fillfactor) keep nightly status changes cheap.
create table applications (
  id                  text primary key,
  district_id         text not null references districts(id),
  child_birth_date    date not null,
  registered_at       timestamptz not null,
  -- microseconds since the epoch (UTC): the exact ordering key
  registered_at_us    double precision not null,
  channel             text not null check (channel in ('portal', 'office', 'govcorp')),
  preferences         text[] not null,
  accept_any          boolean not null,
  language            text not null check (language in ('kk', 'ru')),
  group_type          text not null check (group_type in ('general', 'special')),
  desired_from        date not null,
  stop_list_until     date,
  rights              jsonb not null,
  status              text not null,
  updated_at          timestamptz not null default now()
) with (fillfactor = 80);
create index applications_district on applications(district_id);

-- Who the child and the applicant are, and the line exactly as it came
-- (unknown fields kept): personal data kept apart from the queue. Written in
-- the same transaction as the application, so no foreign key is checked per row.
create table application_details (
  id                  text primary key,
  child_iin           text not null,
  child_name          text,
  applicant_iin       text not null,
  applicant_name      text,
  applicant_relation  text,
  raw                 text not null
);

-- One row per invocation of `kezek allocate` that stores results.
create table runs (
  id            text primary key,
  run_date      date not null,
  started_at    timestamptz not null default now(),
  finished_at   timestamptz,
  status        text not null default 'running',
  rules_version text not null,
  rules_hash    text not null,
  engine        text not null,
  options       jsonb not null
);

-- The district ledger: a district is allocated once per date, in one transaction.
create table run_districts (
  run_date      date not null,
  district_id   text not null references districts(id),
  run_id        text not null references runs(id),
  input_hash    text not null,
  counts        jsonb not null,
  finished_at   timestamptz not null default now(),
  primary key (run_date, district_id)
);

-- Written by a run in the district's transaction (the application's status
-- and the group's seats change with it, checked there), so no foreign key is
-- checked per row: 200,000 referrals a night go in at COPY speed.
create table referrals (
  id                text primary key,
  run_id            text not null,
  run_date          date not null,
  seq               int not null,
  application_id    text not null,
  district_id       text not null,
  birth_year        int not null,
  kindergarten_id   text not null,
  group_id          text not null,
  category          text not null,
  rights            text[] not null,
  preference_rank   int not null,
  issued_on         date not null,
  confirm_by        date not null,
  status            text not null default 'offered',
  updated_at        timestamptz not null default now()
);
create index referrals_application on referrals(application_id);
create index referrals_run on referrals(run_date, district_id, seq);

-- Written only by a run, in the district's transaction with its ledger row;
-- no foreign keys here, so millions of rows go in at COPY speed.
-- The key serves both reads: a district's numbers of a date (read-back) and
-- one application's numbers over the nights (explain, with its district).
create table queue_numbers (
  district_id     text not null,
  run_date        date not null,
  application_id  text not null,
  birth_year      int not null,
  category        text not null,
  queue_number    int not null,
  run_id          text not null,
  primary key (district_id, run_date, application_id)
);

create table refusals (
  run_date        date not null,
  district_id     text not null,
  application_id  text not null,
  reasons         text[] not null,
  run_id          text not null,
  primary key (run_date, district_id, application_id)
);

-- Append-only log of every status change of an application or a referral.
create table events (
  id          bigserial primary key,
  at          timestamptz not null default now(),
  entity      text not null check (entity in ('application', 'referral')),
  entity_id   text not null,
  from_status text,
  to_status   text not null,
  actor       text not null,
  reason      text not null
);
create index events_entity on events(entity, entity_id, id);
