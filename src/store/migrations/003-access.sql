-- Who may see what: organisations and their users, sessions and API tokens,
-- early-sight embargoes, intelligence items, shares, and the audit trail.
-- The access policy itself lives in src/domain/access; these tables hold what
-- it decides about. Shares and audit events are never deleted: triggers
-- refuse it, whoever asks.

create table organisation (
  id          integer generated always as identity primary key,
  name        text not null check (length(name) between 1 and 200),
  kind        text not null check (kind in ('council', 'sector_body', 'regional_partnership', 'government', 'inspectorate', 'support_panel')),
  -- a council stands for one area: how Lantern knows which records are about it
  area_code   text references area (code),
  created_at  timestamptz not null default now(),
  check ((kind = 'council') = (area_code is not null))
);
create unique index organisation_name on organisation (lower(name));
create unique index organisation_council on organisation (area_code) where area_code is not null;

create table user_account (
  id               integer generated always as identity primary key,
  email            text not null check (email = lower(email) and length(email) between 3 and 254),
  name             text not null check (length(name) between 1 and 200),
  organisation_id  integer not null references organisation (id),
  role             text not null check (role in ('performance_officer', 'council_member', 'principal_adviser', 'regional_partner',
                     'panel_member', 'government_officer', 'inspector', 'peer_challenge_manager', 'administrator')),
  -- argon2id, in its PHC string form
  password_hash    text not null check (password_hash like '$argon2id$%'),
  disabled_at      timestamptz,
  created_at       timestamptz not null default now()
);
create unique index user_account_email on user_account (email);

-- A session is known by the SHA-256 of its id: the id itself lives only in
-- the browser's cookie, so a copy of this table opens no one's session.
create table user_session (
  id_hash       bytea primary key,
  user_id       integer not null references user_account (id),
  csrf_token    text not null,
  created_at    timestamptz not null default now(),
  last_seen_at  timestamptz not null default now(),
  expires_at    timestamptz not null,
  ip            text,
  user_agent    text
);
create index user_session_user on user_session (user_id);
create index user_session_expiry on user_session (expires_at);

create table api_token (
  id            integer generated always as identity primary key,
  user_id       integer not null references user_account (id),
  name          text not null check (length(name) between 1 and 100),
  token_hash    bytea not null unique,
  scopes        text[] not null check (cardinality(scopes) between 1 and 3 and scopes <@ array['read', 'change', 'share']),
  created_at    timestamptz not null default now(),
  last_used_at  timestamptz,
  expires_at    timestamptz,
  revoked_at    timestamptz
);
create index api_token_user on api_token (user_id);

-- Early sight: the instant from which an early-sight metric's observations
-- are public. Its named partners are shares of record kind 'observation'.
alter table metric add column embargo_until timestamptz;

create table intelligence_item (
  id                     integer generated always as identity primary key,
  subject_area           text not null references area (code),
  risk_factor            text not null check (risk_factor in ('leadership_and_relationships', 'high_risk_change', 'disengagement',
                           'financial_difficulty', 'service_performance')),
  title                  text not null check (length(title) between 1 and 200),
  note                   text not null check (length(note) between 1 and 10000),
  evidence               jsonb not null default '[]' check (jsonb_typeof(evidence) = 'array'),
  classification         text not null default 'confidential' check (classification in ('public', 'sector', 'restricted', 'confidential')),
  shareable              boolean not null default false,
  author_id              integer not null references user_account (id),
  owner_organisation_id  integer not null references organisation (id),
  created_at             timestamptz not null default now(),
  updated_at             timestamptz not null default now(),
  check (not shareable or jsonb_array_length(evidence) > 0)
);
create index intelligence_item_subject on intelligence_item (subject_area, id);
create index intelligence_item_author on intelligence_item (author_id);

-- A share: who shared which record, with whom, why and when; an un-share
-- sets the revoked columns once. The council the record is about sees both.
create table share (
  id                    integer generated always as identity primary key,
  record_kind           text not null check (record_kind in ('intelligence_item', 'observation')),
  -- an intelligence item's id, or an early-sight metric's code
  record_id             text not null,
  -- the council it is about; null for an early-sight release (about every council in it)
  subject_area          text references area (code),
  with_organisation_id  integer references organisation (id),
  with_user_id          integer references user_account (id),
  reason                text not null check (length(reason) between 1 and 2000),
  shared_by             integer not null references user_account (id),
  shared_at             timestamptz not null default now(),
  revoked_by            integer references user_account (id),
  revoked_at            timestamptz,
  revoke_reason         text,
  check ((with_organisation_id is null) <> (with_user_id is null)),
  check ((revoked_at is null) = (revoked_by is null) and (revoked_at is null) = (revoke_reason is null))
);
create index share_record on share (record_kind, record_id);
create index share_subject on share (subject_area, shared_at);

create function refuse_share_rewrite() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    if old.revoked_at is null and new.revoked_at is not null
       and (new.id, new.record_kind, new.record_id, new.subject_area, new.with_organisation_id, new.with_user_id, new.reason, new.shared_by, new.shared_at)
           is not distinct from
           (old.id, old.record_kind, old.record_id, old.subject_area, old.with_organisation_id, old.with_user_id, old.reason, old.shared_by, old.shared_at) then
      return new;
    end if;
  end if;
  raise exception 'shares are a record: they are never deleted or rewritten, only revoked once' using errcode = 'insufficient_privilege';
end $$;
create trigger share_kept before update or delete on share for each row execute function refuse_share_rewrite();
create trigger share_kept_whole before truncate on share for each statement execute function refuse_share_rewrite();

-- The audit trail: every read of a restricted or confidential record and every
-- change anywhere. Append-only.
create table audit_event (
  id           bigint generated always as identity primary key,
  at           timestamptz not null default clock_timestamp(),
  user_id      integer references user_account (id),
  -- who, as they were then ('public' for no sign-in, 'cli:<login>' for the command line)
  actor        text not null,
  action       text not null check (action in ('read', 'change', 'share', 'unshare', 'export', 'sign_in', 'sign_in_refused', 'sign_out')),
  record_kind  text not null,
  record_id    text,
  summary      text not null default '',
  ip           text,
  user_agent   text
);
create index audit_event_record on audit_event (record_kind, record_id, id);
create index audit_event_user on audit_event (user_id, id);

create function refuse_audit_change() returns trigger language plpgsql as $$
begin
  raise exception 'the audit trail is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger audit_event_append_only before update or delete on audit_event for each row execute function refuse_audit_change();
create trigger audit_event_append_only_whole before truncate on audit_event for each statement execute function refuse_audit_change();
revoke update, delete, truncate on audit_event, share from public;
