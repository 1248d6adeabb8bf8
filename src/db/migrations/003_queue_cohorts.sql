-- kezek schema, version 3: queue numbers stored per cohort.
-- rewrites: queue_numbers
--
-- A nightly run gives about nine children in ten a queue number: 1.8 million
-- rows a night at national scale, each with its own index entry. Stored as one
-- row per cohort (district, birth year) instead, with the applications in
-- queue order (the number is the position, 1-based) and their categories as
-- one letter each (e, p, g), a night writes a few thousand rows and no per-child
-- index. The view `queue_numbers` gives the same rows as before, for reading.

create table queue_cohorts (
  district_id      text not null,
  run_date         date not null,
  birth_year       int not null,
  run_id           text not null,
  application_ids  text[] not null,
  categories       text not null,
  primary key (district_id, run_date, birth_year)
);

insert into queue_cohorts (district_id, run_date, birth_year, run_id, application_ids, categories)
select district_id, run_date, birth_year, min(run_id),
       array_agg(application_id order by queue_number),
       string_agg(left(category, 1), '' order by queue_number)
  from queue_numbers
 group by district_id, run_date, birth_year;

drop table queue_numbers;

create view queue_numbers as
select q.district_id, q.run_date, x.application_id, q.birth_year,
       case substr(q.categories, x.n::int, 1) when 'e' then 'extraordinary' when 'p' then 'primary' else 'general' end as category,
       x.n::int as queue_number, q.run_id
  from queue_cohorts q, unnest(q.application_ids) with ordinality as x(application_id, n);
