-- Every change to an area or a metric definition, kept as observations'
-- history is: which fields changed, what each was and what it became, the
-- batch that had brought the old definition and the batch that changed it
-- (null for a change that no batch made, such as a migration's). Written by a trigger,
-- so that no path that updates the catalogue can change it without a trace.
-- Only the definition counts: a metric's embargo (set by its release, not by
-- an import) and the row's own batch are not part of it.

create table area_history (
  area_id        integer not null references area (id),
  changes        jsonb not null,
  batch_id       integer,
  superseded_by  integer,
  superseded_at  timestamptz not null default now()
);
create index area_history_area on area_history (area_id, superseded_at);

create table metric_history (
  metric_id      integer not null references metric (id),
  changes        jsonb not null,
  batch_id       integer,
  superseded_by  integer,
  superseded_at  timestamptz not null default now()
);
create index metric_history_metric on metric_history (metric_id, superseded_at);

-- {"region_code": {"was": "E12000001", "became": null}, ...} for the fields that differ.
create function definition_changes(was jsonb, became jsonb) returns jsonb language sql immutable as $$
  select jsonb_object_agg(o.key, jsonb_build_object('was', o.value, 'became', n.value))
  from jsonb_each(was - 'id' - 'batch_id' - 'embargo_until') o
  join jsonb_each(became - 'id' - 'batch_id' - 'embargo_until') n using (key)
  where o.value is distinct from n.value
$$;

create function keep_area_history() returns trigger language plpgsql as $$
declare
  changed jsonb := definition_changes(to_jsonb(old), to_jsonb(new));
begin
  if changed is not null then
    insert into area_history (area_id, changes, batch_id, superseded_by) values (old.id, changed, old.batch_id, nullif(new.batch_id, old.batch_id));
  end if;
  return null;
end $$;

create function keep_metric_history() returns trigger language plpgsql as $$
declare
  changed jsonb := definition_changes(to_jsonb(old), to_jsonb(new));
begin
  if changed is not null then
    insert into metric_history (metric_id, changes, batch_id, superseded_by) values (old.id, changed, old.batch_id, nullif(new.batch_id, old.batch_id));
  end if;
  return null;
end $$;

create trigger area_history after update on area for each row execute function keep_area_history();
create trigger metric_history after update on metric for each row execute function keep_metric_history();
