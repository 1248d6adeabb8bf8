-- Seats have a history: every change of a group's seats (a places report, referrals
-- issued by a night, a seat given back by a lapse, decline or cancellation, an
-- enrolment filling one) is a row with who, why, and the seats before and after:
-- reported (what the kindergarten declared) and free (reported minus live referrals).
-- Append-only, like events.
create table seat_events (
  id               bigserial primary key,
  at               timestamptz not null default now(),
  effective_on     date,
  kindergarten_id  text not null,
  group_id         text not null,
  actor            text not null,
  cause            text not null check (cause in ('report', 'referrals', 'returned', 'enrolment')),
  reason           text,
  reported_before  int,
  reported_after   int not null,
  free_before      int,
  free_after       int not null
);
create index seat_events_group on seat_events (kindergarten_id collate "C", group_id collate "C", id);
create trigger seat_events_no_update before update or delete on seat_events for each row execute function events_append_only();
