-- Storing flags after an import that moves many of them (issue 19): a third
-- of England's flags raised, changed or cleared wrote some 12,000 rows of
-- `flag`, and most of the time went on PostgreSQL writing a new version of
-- each changed row into every index of the table, since its page had no room
-- for it beside the old one.
--
-- A changed flag rewrites its figures, sentence, fingerprint, period, rule
-- version and the day; no index reads any of them. With room left on each
-- page, PostgreSQL keeps the new version on the old one's page and touches no
-- index at all (a heap-only update); at 60% full nearly every change of an
-- import that changed a sixth of the flags found that room, at 100% four in
-- ten did. The table is written again once here, so that its pages have the
-- room from now on.
alter table flag set (fillfactor = 60);

-- One index of the open flags, not two: the one that keeps a council, rule,
-- metric and subject to one open flag now leads with the metric, so that it
-- also finds a metric's open flags (which a sync of a few metrics reads), and
-- a flag raised or cleared goes into one fewer index. A flag with no metric
-- is told apart as before, by NULLS NOT DISTINCT (PostgreSQL 15) rather than
-- by coalescing the metric to ''. A council's open flags are read through
-- flag_area.
drop index flag_open_metric;
drop index flag_open;
create unique index flag_open on flag (metric_code, area_code, rule, subject) nulls not distinct where cleared_at is null;

cluster flag using flag_area;
analyze flag;
