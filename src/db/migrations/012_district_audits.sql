-- Every district of a night keeps its fairness audit (allocation.md's invariants, each
-- held or violated with what it checked) and its numbers (first choice, waiting days,
-- queue by cohort, seats left and why), written in the district's transaction, so a
-- re-run reads them back and audit.json is the same.
create table district_audits (
  run_date     date not null,
  district_id  text not null,
  audit        jsonb not null,
  numbers      jsonb not null,
  primary key (run_date, district_id)
);
