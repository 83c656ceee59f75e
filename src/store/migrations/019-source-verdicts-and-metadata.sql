-- What a source says of its own figures, and of its metrics.
--
-- A publisher may judge its figures itself: Fingertips' "compared to England"
-- column says Better, Similar or Worse (Higher or Lower where neither is
-- better), worked from its own intervals. Lantern keeps that judgement beside
-- the figure, to show as the source's verdict next to its own, never in place
-- of it. A later import of the same figure replaces it, as the figure is.
create table source_verdict (
  metric_id  integer not null references metric (id),
  area_id    integer not null references area (id),
  period     text collate "C" not null,
  verdict    text not null check (verdict in ('better', 'similar', 'worse', 'higher', 'lower')),
  -- What the source judged it against, as it names it: 'England'.
  benchmark  text not null,
  batch_id   integer not null references import_batch (id),
  primary key (metric_id, area_id, period)
);

-- A metric's metadata and freshness, where its publisher gives them: how it is
-- worked out, what to bear in mind, where it is published, when these figures
-- were published and when the next are expected. Each is null where unknown.
alter table metric
  add column method       text,
  add column caveats      text,
  add column source_url   text check (source_url ~ '^https?://'),
  add column published_on date,
  add column next_update  date;
