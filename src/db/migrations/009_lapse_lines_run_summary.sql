-- The night's follow-up and runs one can see.
--
-- lapses.ndjson of a run folder (every referral lapsed or cancelled and every child aged out
-- that night, with the restore deadline) is kept with the district's step-1 counts, so a
-- re-run of the date reads a finished district's lines back like its other files.
-- Rows from before this migration have none (their districts read back with no lines).
alter table district_lapses add column lines text;

-- summary.json of a finished run (for `kezek runs show` and GET /v1/runs/{date}).
-- Adding a column without a default rewrites nothing.
alter table runs add column summary jsonb;
