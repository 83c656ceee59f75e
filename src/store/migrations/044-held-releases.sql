-- Releasing a held value (037) marked its row in `held_value`: a day's
-- releases (20,000 values) rewrote 20,000 wide rows, each new version with an
-- entry in every index of the table, and checked its batch row by row. A
-- release is now recorded as a narrow row of its own, added and never
-- changed: which held value, by which batch. The held rows are not touched,
-- and when a value was released is its batch's instant (release_batch).
create table held_release (
  -- each held value is released once
  held_value_id   bigint primary key,
  batch_id        integer not null
);

insert into held_release (held_value_id, batch_id)
select id, released_batch from held_value where released_batch is not null;

-- Dropping the columns drops their indexes and the check that paired them.
alter table held_value drop column released_batch, drop column released_at;

-- The held values a release may still have to make public: current,
-- confirmed, not blank and not yet released. Holding such a value adds it;
-- superseding or releasing it takes it out. Finding what is due reads these
-- few rather than every value ever confirmed, released ones included, and
-- with the key and origin beside each (a held row's never change) it need
-- not read the held rows at all.
create table held_pending (
  held_value_id   bigint primary key,
  metric_id       integer not null,
  area_id         integer not null,
  period          text collate "C" not null,
  origin          text not null
);

insert into held_pending (held_value_id, metric_id, area_id, period, origin)
select h.id, h.metric_id, h.area_id, h.period, h.origin from held_value h
where h.superseded_by is null and not h.provisional and h.value is not null
  and not exists (select 1 from held_release x where x.held_value_id = h.id);

-- The release's rows are checked as a set, once a statement, rather than by a
-- foreign key row by row: each names a held value that is current, confirmed
-- and not blank, and a batch of observations (the few batches checked once
-- each). A provisional value is never released, whatever the application asks.
create function held_release_check() returns trigger language plpgsql as $$
declare
  wrong bigint;
begin
  select r.held_value_id into wrong
  from added r left join held_value h on h.id = r.held_value_id
  where h.id is null or h.superseded_by is not null or h.provisional or h.value is null
  limit 1;
  if found then
    raise exception 'held value % may not be released: it is not a current, confirmed value that is not blank', wrong
      using errcode = 'check_violation';
  end if;
  select r.batch_id into wrong
  from (select distinct batch_id from added) r left join import_batch b on b.id = r.batch_id
  where b.id is null or b.kind <> 'observations'
  limit 1;
  if found then
    raise exception 'batch % may not release held values: it is not a batch of observations', wrong
      using errcode = 'check_violation';
  end if;
  return null;
end $$;

create trigger held_release_checked after insert on held_release
  referencing new table as added for each statement execute function held_release_check();

-- The periods each release brought, so that every server's benchmark index
-- builds again only those slices of the metrics it touched, not each
-- metric's whole series. Null for the releases made before.
alter table release_batch add column periods text[];
