-- Whether a batch changed a metric's figures, beside its having brought them.
-- A batch that brought a metric's rows only to find them as stored (a file
-- loaded again, a full import of which most is unchanged) still refreshes
-- the metric in the index, since what a file says about a metric may have
-- moved; but early warning's flags, worked out from the figures alone, need
-- no working out again for it. Batches before this knew no difference: they
-- count as changing every metric they brought.
alter table batch_metric add column changed boolean not null default true;
