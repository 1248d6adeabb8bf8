-- kezek schema, version 8: the online service (`kezek serve`).

-- API keys: a name (the actor `key:NAME` of every event a request causes), a role, the
-- districts it is limited to (empty: all), and the sha256 of the key: the key itself is
-- shown once and never stored. A revoked key stays, so the audit trail's names keep
-- meaning one key each (a name is never given to another key).
create table api_keys (
  name        text primary key,
  role        text not null check (role in ('portal', 'office', 'operator', 'policy')),
  districts   text[] not null default '{}',
  key_hash    text not null unique,
  created_at  timestamptz not null default now(),
  revoked_at  timestamptz
);

-- A version per cohort (district, birth year), raised in the same transaction as every
-- change the service makes to the cohort's queue (a registration, a withdrawal, a
-- restore). The servers keep each cohort's queue in memory to answer queue numbers
-- at speed, and ask for this row (one index lookup) to know their copy is current,
-- whichever process made the change.
create table cohort_versions (
  district_id  text not null,
  birth_year   int not null,
  version      bigint not null,
  primary key (district_id, birth_year)
);

-- A district's nights, counted by the servers for the same purpose: a night changes the
-- whole district's queue at its commit (a ledger row), and 200 rows a night cost nothing.
create index run_districts_by_district on run_districts (district_id, run_date);
