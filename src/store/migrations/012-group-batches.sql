-- A file that lists areas and no figures (a council's CIPFA or statistical
-- neighbours, as data teams publish them) is imported as a comparator group:
-- a batch of its own kind, and the group records the batch that made it.
alter table import_batch drop constraint import_batch_kind_check;
alter table import_batch add constraint import_batch_kind_check check (kind in ('observations', 'metrics', 'areas', 'groups'));
alter table comparator_group add column batch_id integer references import_batch (id);
