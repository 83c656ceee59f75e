-- The flag table's generation: every sync of flags that raised, changed or
-- cleared one moves it on, under the sync's lock. A server that remembers the
-- open flags as they stood at a generation, and finds the table still at it,
-- compares what the rules find now with its memory and reads no flag: after
-- an import that changed few of tens of thousands of flags, reading them all
-- again would be most of the sync's time.
create table flag_sync (
  only_row   boolean primary key default true check (only_row),
  generation bigint not null check (generation >= 0)
);
insert into flag_sync (generation) values (0);
