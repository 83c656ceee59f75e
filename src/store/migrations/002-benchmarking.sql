-- Benchmarking: which metrics each batch brought observations for (so that
-- the in-memory benchmark index refreshes just those), and comparator groups
-- that people save.

create table batch_metric (
  batch_id   integer not null references import_batch (id),
  metric_id  integer not null references metric (id),
  primary key (batch_id, metric_id)
);

create table comparator_group (
  id          integer generated always as identity primary key,
  name        text not null check (length(name) between 1 and 200),
  area_codes  text[] not null check (cardinality(area_codes) between 1 and 1000),
  created_by  text not null,
  created_at  timestamptz not null default now()
);
