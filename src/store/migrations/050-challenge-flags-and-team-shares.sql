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

-- Joining a challenge's team is a share the council sees (issue 21, item 11):
-- booking a peer who signs in to Lantern writes a share of the challenge with
-- that person, and releasing them revokes it, each in the booking's own
-- transaction. Which share a booking made, so that its release revokes that
-- one and no other share of the challenge with the same person.
create table peer_booking_share (
  booking_id  integer primary key references peer_booking (id),
  share_id    integer not null unique references share (id)
);
