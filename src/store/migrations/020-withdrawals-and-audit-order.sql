-- Withdrawing a published report version, and the audit trail's time order.
--
-- A published version is frozen (004-reports.sql): withdrawing one does not
-- change or delete it. The withdrawal is a record of its own, kept beside
-- the version with who withdrew it, when and why; the version's public page
-- says so. A withdrawal is itself never changed or undone: a version put
-- right is published again as the next version.
create table report_withdrawal (
  report_id     integer not null,
  version       integer not null,
  withdrawn_at  timestamptz not null default now(),
  withdrawn_by  integer not null references user_account (id),
  reason        text not null check (length(btrim(reason)) between 1 and 1000),
  primary key (report_id, version),
  foreign key (report_id, version) references report_version (report_id, version)
);

create function refuse_withdrawal_change() returns trigger language plpgsql as $$
begin
  raise exception 'a report version''s withdrawal is kept: % refused', tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger report_withdrawal_kept before update or delete on report_withdrawal for each row execute function refuse_withdrawal_change();
create trigger report_withdrawal_kept_whole before truncate on report_withdrawal for each statement execute function refuse_withdrawal_change();

-- The audit trail pages newest first by (time, id) and resumes after the last
-- event shown (src/store/audit.ts): this index serves that order and the
-- keyset comparison without sorting the whole trail.
create index audit_event_time on audit_event (at desc, id desc);
