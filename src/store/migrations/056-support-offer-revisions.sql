-- The support offer's second round of gaps (issue 21): budgets and
-- allocations are changed from the revision their changer read, and a
-- person's rating of support may be changed or withdrawn, every earlier
-- rating kept.

-- A budget's and an allocation's revision: 1 when made, one more at each
-- change of its own fields. A change made from an earlier revision is
-- refused, naming what changed since and who changed it.
alter table funding_budget add column revision integer not null default 1;
alter table funding_allocation add column revision integer not null default 1;

-- The revision each change made of its budget (allocation_id null) or of its
-- allocation, so that a refusal can name every change since a revision.
alter table funding_change add column revision integer;

-- The changes kept before: the fields changed in one transaction (one
-- instant) made one revision, counted from 2 in the order they were made.
with numbered as (
  select id, 1 + dense_rank() over (partition by budget_id, allocation_id order by changed_at) as revision from funding_change
)
update funding_change c set revision = n.revision from numbered n where n.id = c.id;
update funding_budget b set revision = 1 + (select count(distinct changed_at) from funding_change c where c.budget_id = b.id and c.allocation_id is null);
update funding_allocation l set revision = 1 + (select count(distinct changed_at) from funding_change c where c.allocation_id = l.id);
alter table funding_change alter column revision set not null;
create index funding_change_revision on funding_change (budget_id, allocation_id, revision);

-- A person's rating is changed in place and withdrawn by marking it so: the
-- verdict reads the ratings not withdrawn. Rating again after withdrawing
-- restores it with the new answer. Rows are never deleted.
alter table support_request_rating add column withdrawn_at timestamptz;

-- Every change of a person's rating, as it was before and after (null after
-- a withdrawal, null before a rating given again once withdrawn): insert-only,
-- so that every earlier rating is kept.
create table support_rating_change (
  id            integer generated always as identity primary key,
  rating_id     integer not null references support_request_rating (id),
  request_id    integer not null references support_request (id),
  from_helpful  text check (from_helpful in ('strongly_agree', 'agree', 'neither', 'disagree', 'strongly_disagree')),
  to_helpful    text check (to_helpful in ('strongly_agree', 'agree', 'neither', 'disagree', 'strongly_disagree')),
  changed_by    integer not null references user_account (id),
  changed_at    timestamptz not null default now(),
  check (from_helpful is not null or to_helpful is not null)
);
create index support_rating_change_request on support_rating_change (request_id, changed_at, id);
