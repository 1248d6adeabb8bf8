-- kezek schema, version 5: cheaper nightly writes.
-- rewrites: events, referrals
--
-- The events index is keyed by the entity's id first, compared byte by byte
-- ("C"): a night adds about 400,000 events for 2 M queued applications, each
-- an insert at a random place of this index, and locale-aware comparisons of
-- the entity name first made every one of them dearer (about a fifth of the
-- index's cost). Look events up with `entity_id collate "C"` to use it.
drop index events_entity;
create index events_entity on events (entity_id collate "C", entity, id);

-- One index on referrals by application instead of two: every referral's
-- application id, unique among the live ones (offered, confirmed) because a
-- closed referral adds its own id to the key. The same rule as the partial
-- unique index it replaces (at most one live referral per application), and
-- still the index for every lookup by application; a night's 200,000 new
-- referrals then go into four indexes, not five (about a quarter less time).
drop index referrals_application;
drop index referrals_one_live;
create unique index referrals_application on referrals (application_id, (case when status in ('offered', 'confirmed') then '' else id end));

-- A cohort's application ids (thousands per row) are compressed with lz4
-- where the server has it, not with the default pglz, which was most of the
-- cost of writing the queue (2 M applications: about 0.5 s of the server's
-- CPU a night). The embedded database is built without lz4 and keeps pglz.
-- (One line: migrations are split at a semicolon that ends a line.)
do $$ begin alter table queue_cohorts alter column application_ids set compression lz4; exception when feature_not_supported then null; end $$;
