-- Each metric's observations packed into the columns the benchmark index is
-- made of (area ids, period labels, figures as big-endian binary numbers),
-- so that a server starting reads one row a metric instead of four million
-- rows: packing them is what took PostgreSQL most of a start (about 9 s of
-- processor time at 4M observations). A pack is only ever a copy: whatever
-- changes a metric's observations deletes its pack, in the same
-- transaction, and a job packs it again a minute later
-- (src/jobs/series-packs.ts); until then the index reads that metric from
-- the observations, as it always did.
create table series_pack (
  metric_id integer primary key references metric (id) on delete cascade,
  observations integer not null,
  areas bytea not null,
  periods text not null,
  "values" bytea not null,
  lower bytea,
  upper bytea,
  numerator bytea,
  denominator bytea,
  packed_at timestamptz not null default now()
);

-- Binary numbers hardly compress: kept out of line but uncompressed, read without inflating.
alter table series_pack
  alter column areas set storage external,
  alter column "values" set storage external,
  alter column lower set storage external,
  alter column upper set storage external,
  alter column numerator set storage external,
  alter column denominator set storage external;

-- A pack made from a snapshot taken before a change commits must not
-- outlive that change. Writers of observations take this lock shared (at
-- the end of each statement, for the rest of their transaction); the
-- packer takes it alone before it reads, so it reads only after every
-- writer under way has committed, and a writer that comes later deletes
-- the packs it changed once the packer has committed. (The number is
-- SERIES_PACK_LOCK in src/store/series-packs.ts.)
create function forget_series_packs_of_new() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock_shared(7031500021);
  delete from series_pack where metric_id in (select distinct metric_id from changed);
  return null;
end $$;

create function forget_series_packs_of_old() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock_shared(7031500021);
  delete from series_pack where metric_id in (select distinct metric_id from gone);
  return null;
end $$;

create function forget_series_packs_of_changed() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock_shared(7031500021);
  delete from series_pack where metric_id in (select metric_id from changed union select metric_id from gone);
  return null;
end $$;

create function forget_every_series_pack() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock_shared(7031500021);
  delete from series_pack;
  return null;
end $$;

create trigger observation_inserted_forgets_packs after insert on observation
  referencing new table as changed for each statement execute function forget_series_packs_of_new();
create trigger observation_deleted_forgets_packs after delete on observation
  referencing old table as gone for each statement execute function forget_series_packs_of_old();
create trigger observation_updated_forgets_packs after update on observation
  referencing new table as changed old table as gone for each statement execute function forget_series_packs_of_changed();
create trigger observation_truncated_forgets_packs after truncate on observation
  for each statement execute function forget_every_series_pack();
