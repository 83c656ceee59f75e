-- The support offer's small gaps (issue 21): every person of the council
-- rates delivered support once, and budgets and allocations are changed with
-- the history of each change kept.
--
-- A rating given by a person of the council in their own name: `rated_by` is
-- that person, and each person rates a request once (the index below). The
-- ratings entered before, on behalf of people named by the one who asked,
-- keep no person (`rated_by` null) and still count in the verdict.
alter table support_request_rating add column rated_by integer references user_account (id);
create unique index support_request_rating_once on support_request_rating (request_id, rated_by) where rated_by is not null;

-- Each change of a budget or an allocation, field by field: who changed it,
-- when, and the value before and after, as the pages show them. Written in
-- the transaction that makes the change, with the budget's row locked;
-- never changed or removed (the application's role may only add rows).
create table funding_change (
  id             integer generated always as identity primary key,
  budget_id      integer not null references funding_budget (id),
  -- the allocation changed; null for a change of the budget itself
  allocation_id  integer references funding_allocation (id),
  field          text not null check (length(btrim(field)) between 1 and 100),
  from_value     text,
  to_value       text,
  changed_by     integer references user_account (id),
  changed_by_name text not null check (length(btrim(changed_by_name)) between 1 and 200),
  changed_at     timestamptz not null default now()
);
create index funding_change_budget on funding_change (budget_id, changed_at, id);
