-- Several Lantern servers on one PostgreSQL: what must be the same for all.
--
-- Failed sign-ins are counted here, not in each server's memory, so that five
-- failures on an account are five whichever servers took them. One row per
-- key (an address, an account, or the pair) and window: the window starts
-- at the first failure and ends fifteen minutes later; ended windows are
-- purged now and then. The rule that reads them is in
-- src/server/auth/rate-limit.ts.
create table sign_in_failure (
  key             text primary key check (length(key) between 1 and 600),
  window_ends_at  timestamptz not null,
  failures        integer not null check (failures > 0)
);
create index sign_in_failure_window on sign_in_failure (window_ends_at);

-- Each server keeps a short memory of sessions and API tokens, so that a
-- signed-in request does not wait on the store. Whatever changes who may do
-- what tells every server on the channel lantern_identity, from a trigger in
-- the changing transaction: PostgreSQL delivers the notice on commit (never
-- for a change rolled back), and no route, command or operator's SQL can
-- forget to send it. The payload is 'user:<id>', 'organisation:<id>' or
-- 'everyone'; src/store/identity-changes.ts reads it. Updates that change
-- nothing a server relies on (a session's or a token's use) send none.
create function notify_identity_change() returns trigger language plpgsql as $$
begin
  if tg_argv[0] = 'everyone' then
    perform pg_notify('lantern_identity', 'everyone');
  else
    perform pg_notify('lantern_identity', tg_argv[0] || ':' || (to_jsonb(old) ->> tg_argv[1]));
  end if;
  return null;
end $$;

create trigger user_session_ended after delete on user_session
  for each row execute function notify_identity_change('user', 'user_id');
-- A session's use moves last_seen_at forward, which servers note themselves;
-- moving it back (an operator ending idle sessions sooner) is told.
create trigger user_session_changed after update on user_session
  for each row when ((old.id_hash, old.user_id, old.csrf_token, old.expires_at) is distinct from (new.id_hash, new.user_id, new.csrf_token, new.expires_at)
    or new.last_seen_at < old.last_seen_at)
  execute function notify_identity_change('user', 'user_id');

create trigger api_token_ended after delete on api_token
  for each row execute function notify_identity_change('user', 'user_id');
create trigger api_token_changed after update of user_id, token_hash, scopes, expires_at, revoked_at on api_token
  for each row when ((old.user_id, old.token_hash, old.scopes, old.expires_at, old.revoked_at) is distinct from (new.user_id, new.token_hash, new.scopes, new.expires_at, new.revoked_at))
  execute function notify_identity_change('user', 'user_id');

create trigger user_account_changed after update of email, name, organisation_id, role, password_hash, disabled_at on user_account
  for each row when ((old.email, old.name, old.organisation_id, old.role, old.password_hash, old.disabled_at)
    is distinct from (new.email, new.name, new.organisation_id, new.role, new.password_hash, new.disabled_at))
  execute function notify_identity_change('user', 'id');
create trigger user_account_ended after delete on user_account
  for each row execute function notify_identity_change('user', 'id');

create trigger organisation_changed after update of name, kind, area_code on organisation
  for each row when ((old.name, old.kind, old.area_code) is distinct from (new.name, new.kind, new.area_code))
  execute function notify_identity_change('organisation', 'id');

create trigger user_session_emptied after truncate on user_session for each statement execute function notify_identity_change('everyone');
create trigger api_token_emptied after truncate on api_token for each statement execute function notify_identity_change('everyone');
