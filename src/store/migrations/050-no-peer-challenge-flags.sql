-- No peer challenge for longer than the deadline rules allow, as an
-- early-warning flag (issue 21): a rule that reads no metric but the peer
-- challenge programme's own records, kept in the flag table like every other
-- so that the risk view, the council's own view, acknowledgements and the
-- timeline show it with its rule, figures and sentence. Its subject is the
-- kind of challenge (a council may lack a corporate and a safeguarding one).
alter table flag drop constraint flag_rule_check;
alter table flag add constraint flag_rule_check
  check (rule in ('worse_and_worsening', 'in_year_special_cause', 'off_trajectory', 'reserves_horizon', 'missing_return', 'no_peer_challenge'));

-- the open flags that read no metric, which their own sync reads
create index flag_open_without_metric on flag (rule, area_code) where cleared_at is null and metric_code is null;
