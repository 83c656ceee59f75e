-- A peer's private calendar feed (issue 21): every week they are booked for,
-- at an address no one can guess. The token is 32 random bytes, kept as it
-- is so that the peer can read their address again on their page; it opens
-- nothing but the peer's own weeks on site, and renewing it (a new token)
-- closes the old address at once.
create table peer_feed (
  peer_id   integer primary key references peer (id),
  token     text not null unique check (token ~ '^[A-Za-z0-9_-]{43}$'),
  made_by   integer references user_account (id),
  made_at   timestamptz not null default now()
);
