-- The peer pool's small gaps (issue 21): withdrawing days away and declared
-- conflicts, and private feed tokens kept only as their SHA-256.
--
-- Days away each get an id, so that one span can be named and withdrawn.
-- Withdrawing deletes the span (or its days still to come); the audit trail
-- keeps what was withdrawn, and the pool's generation moves (migration 043's
-- trigger on delete and update), so team suggestions see it.
alter table peer_unavailable add column id integer generated always as identity primary key;

-- A declared conflict stays declared (never deleted): withdrawing it records
-- when, by whom and why, and the conflict rules read only those standing.
-- Declaring it again stands it again.
alter table peer_conflict
  add column withdrawn_at     timestamptz,
  add column withdrawn_by     integer references user_account (id),
  add column withdraw_reason  text check (length(btrim(withdraw_reason)) between 1 and 500),
  add constraint peer_conflict_withdrawn_with_reason check ((withdrawn_at is null) = (withdraw_reason is null));

-- A peer's feed address is shown once, when made, as API tokens are; the
-- store keeps only the SHA-256 of its token (a copy of the table opens no
-- feed). The tokens kept so far are hashed in place, so their addresses go
-- on working until the peer makes a new one.
alter table peer_feed add column token_hash bytea;
update peer_feed set token_hash = sha256(convert_to(token, 'UTF8'));
alter table peer_feed
  alter column token_hash set not null,
  add constraint peer_feed_token_hash_key unique (token_hash),
  add constraint peer_feed_token_hash_length check (octet_length(token_hash) = 32),
  drop column token;
