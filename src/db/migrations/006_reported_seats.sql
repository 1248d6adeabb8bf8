-- rewrites: places, application_details
-- A places row now holds the group's empty seats as the kindergarten reports them
-- (formats.md); the seats kezek offers are that minus its live referrals (offered or
-- confirmed) to the group, derived when a district is read. Importing the same places
-- file twice never offers a seat twice, and a lapsed referral's seat comes back by itself.
-- Before: `seats` was the free count, taken by runs and given back by lapses. The
-- reported count is the free count plus the live referrals to the group.
update places p set seats = p.seats + l.n
  from (select kindergarten_id, group_id, count(*)::int as n from referrals
         where status in ('offered', 'confirmed') group by kindergarten_id, group_id) l
 where p.kindergarten_id = l.kindergarten_id and p.group_id = l.group_id;

-- One child, one place in the queue: a new application is checked against the live
-- applications of the same child IIN (import and registration).
create index application_details_child on application_details (child_iin);

-- Every group with its reported and free seats (for reports, the bulletin and tests; a run
-- reads one district's with the same rule, see freePlaces).
create view places_free as
select p.kindergarten_id, p.group_id, p.birth_year, p.language, p.group_type, p.seats as reported_seats,
       p.seats - coalesce(l.n, 0) as free_seats
  from places p
       left join (select kindergarten_id, group_id, count(*)::int as n from referrals
                   where status in ('offered', 'confirmed') group by kindergarten_id, group_id) l
         on l.kindergarten_id = p.kindergarten_id and l.group_id = p.group_id;
