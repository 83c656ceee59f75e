-- A flag's figures are written whole by the syncs and read whole by the risk
-- view; no query looks inside them. Kept as json (the text as written,
-- checked to be an object) rather than jsonb, PostgreSQL no longer takes
-- each apart into its binary form as it is written, thousands at a time on
-- a sync that moves many flags (issue 19), nor writes each out again as it
-- is read. The figures now read back in the order their rule names them.
alter table flag drop constraint flag_figures_check;
alter table flag alter column figures type json using figures::json;
alter table flag add constraint flag_figures_check check (json_typeof(figures) = 'object');
