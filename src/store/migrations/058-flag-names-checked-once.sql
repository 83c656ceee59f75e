-- Raising a flag checked its council and metric against the catalogue one
-- flag at a time: two foreign keys, each a query of its own for every row,
-- a third of PostgreSQL's time to raise the thousands a sync raises after an
-- import that moves many flags (issue 19). The same rule is now checked once
-- a statement, over every flag it wrote; and from the catalogue's side, no
-- area or metric that a flag names may go (be deleted, or take another code).
-- A flag's council and metric never change once it is raised.
--
-- Flags are written only under the flag sync's lock (the flag syncs and the
-- challenge flags take it). The catalogue's check takes it too when a code
-- goes, so that no flag naming that code is written unseen beside it: a sync
-- running then finishes first, and one starting after sees the code gone.
alter table flag drop constraint flag_area_code_fkey, drop constraint flag_metric_code_fkey;

create function flag_names_known() returns trigger language plpgsql as $$
begin
  if exists (select from written w where not exists (select from area a where a.code = w.area_code)) then
    raise foreign_key_violation using message = 'a flag names a council that is not in the catalogue';
  end if;
  if exists (select from written w where w.metric_code is not null and not exists (select from metric m where m.code = w.metric_code)) then
    raise foreign_key_violation using message = 'a flag names a metric that is not in the catalogue';
  end if;
  return null;
end $$;

create trigger flag_names_known after insert on flag referencing new table as written
  for each statement execute function flag_names_known();

-- Fires only for a statement that sets either column; the syncs never do.
create function flag_keeps_its_names() returns trigger language plpgsql as $$
begin
  if new.area_code is distinct from old.area_code or new.metric_code is distinct from old.metric_code then
    raise integrity_constraint_violation using message = 'a flag''s council and metric are never changed';
  end if;
  return new;
end $$;

create trigger flag_keeps_its_names before update of area_code, metric_code on flag
  for each row execute function flag_keeps_its_names();

-- When a statement took codes out of the catalogue (deleted them, or gave
-- their rows other codes), whether a flag names one; a statement that took
-- none out reads no flag. The trigger's argument is the flag's column.
create function catalogue_keeps_flagged() returns trigger language plpgsql as $$
declare
  went text[];
  named text;
begin
  execute format('select array_agg(g.code) from gone g where not exists (select from %I t where t.code = g.code)', tg_table_name) into went;
  if went is null then
    return null;
  end if;
  perform pg_advisory_xact_lock(hashtext('lantern flag sync'));
  execute format('select code from unnest($1) code where exists (select from flag f where f.%I = code) limit 1', tg_argv[0]) into named using went;
  if named is not null then
    raise foreign_key_violation using message = format('%s %s is named by early-warning flags and cannot go', tg_table_name, named);
  end if;
  return null;
end $$;

create trigger area_keeps_flagged_deleted after delete on area referencing old table as gone
  for each statement execute function catalogue_keeps_flagged('area_code');
create trigger area_keeps_flagged_recoded after update on area referencing old table as gone
  for each statement execute function catalogue_keeps_flagged('area_code');
create trigger metric_keeps_flagged_deleted after delete on metric referencing old table as gone
  for each statement execute function catalogue_keeps_flagged('metric_code');
create trigger metric_keeps_flagged_recoded after update on metric referencing old table as gone
  for each statement execute function catalogue_keeps_flagged('metric_code');
