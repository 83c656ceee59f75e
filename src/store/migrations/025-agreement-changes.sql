-- The annual refresh's log of changes to an agreement's own fields (kind,
-- title, plan years, areas, designated cap, partners, reward rule), as
-- target_change keeps its targets': old and new values, the reason, who
-- proposed and who approved it, and its date (2008: no change without reasons
-- and approval). Kept: triggers refuse its change or deletion, whoever asks.
create table agreement_change (
  id            integer generated always as identity primary key,
  agreement_id  integer not null references agreement (id),
  version       integer not null,
  field         text not null,
  old_value     jsonb,
  new_value     jsonb,
  reason        text not null check (length(btrim(reason)) between 1 and 2000),
  proposed_by   text not null check (length(proposed_by) between 1 and 200),
  approved_by   text not null check (length(approved_by) between 1 and 200),
  changed_on    date not null,
  recorded_by   text not null,
  recorded_at   timestamptz not null default now()
);
create index agreement_change_agreement on agreement_change (agreement_id, id);

create trigger agreement_change_kept before update or delete on agreement_change for each row execute function refuse_agreement_record_change();
create trigger agreement_change_kept_whole before truncate on agreement_change for each statement execute function refuse_agreement_record_change();
