-- Runs exclude each other across dates (a night depends on the night before): the date
-- of the run (or shared run) in progress, claimed under a short lock. Whether its
-- process still lives is told by a session lock it holds, which dies with it.
create table run_claim (
  id          int primary key default 1 check (id = 1),
  run_date    date not null,
  claimed_at  timestamptz not null default now()
);
