-- The peer challenge programme's gaps (issue 21).
--
-- Whose history the programme holds. "No challenge on record" says something
-- only of a council whose challenges are kept here: a peer challenge manager
-- declares that the programme holds every challenge of a kind of a council
-- from a day on (imported, or known complete), and the cadence rule judges
-- that council and kind from then (src/domain/peer-challenge/cadence.ts). A
-- declaration made again for the same council and kind replaces the day;
-- the audit trail keeps each.
create table peer_challenge_history_held (
  area_code    text not null references area (code),
  kind         text not null check (kind in ('corporate', 'safeguarding', 'adults', 'childrens')),
  held_from    date not null,
  source       text not null check (length(btrim(source)) between 1 and 500),
  declared_by  integer references user_account (id),
  declared_at  timestamptz not null default now(),
  primary key (area_code, kind)
);

-- Days away withdrawn stay, marked withdrawn with when, by whom and why, so
-- that the peer's record is whole; every reader of days away reads only
-- those standing. A span under way keeps its past days standing, and the
-- days withdrawn become a withdrawn row of their own, naming the span they
-- were cut from.
alter table peer_unavailable
  add column withdrawn_at     timestamptz,
  add column withdrawn_by     integer references user_account (id),
  add column withdraw_reason  text check (length(btrim(withdraw_reason)) between 1 and 500),
  add column cut_from         integer references peer_unavailable (id),
  add constraint peer_unavailable_reason_when_withdrawn check (withdrawn_at is not null or withdraw_reason is null);
create index peer_unavailable_standing on peer_unavailable (peer_id) where withdrawn_at is null;

-- A conflict declared again after it was withdrawn is a new record: the old
-- one stays withdrawn, with its who, when and why. One conflict a peer and
-- council stands at a time.
alter table peer_conflict drop constraint peer_conflict_pkey;
alter table peer_conflict add column id integer generated always as identity primary key;
create unique index peer_conflict_standing on peer_conflict (peer_id, area_code) where withdrawn_at is null;
create index peer_conflict_peer on peer_conflict (peer_id, area_code);
