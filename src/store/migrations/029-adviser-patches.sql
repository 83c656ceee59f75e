-- An adviser's patch: the councils they cover, which the risk view shows
-- side by side, cause by cause (issue 19). And each person's last visit of
-- that view, from which it says what is new: flags raised or changed, items
-- added or reviewed, since. A visit that follows the last within half an
-- hour continues it, so that opening a council and coming back does not
-- swallow what was new (src/store/patches.ts).

create table adviser_patch (
  user_id   integer not null references user_account (id),
  area_code text not null references area (code),
  added_at  timestamptz not null default now(),
  primary key (user_id, area_code)
);

create table risk_view_visit (
  user_id    integer primary key references user_account (id),
  -- the latest page view of the visit
  visited_at timestamptz not null,
  -- when the visit before this one ended: what is new is new since then; none on a first visit
  since      timestamptz
);
