-- The support offer, councils' requests for it and the improvement budget
-- (issue 21, items 1 and 2). The offer itself is data
-- (data/support-offer/offers.json); what is kept here is what councils asked
-- for and what became of it, and the partnership's money.

-- Which organisation in Lantern answers for each provider named in the offer
-- (the sector body, a regional partnership): its staff read and answer the
-- requests made to it. A provider with no organisation here takes no
-- requests through Lantern.
create table support_provider (
  provider_id      text primary key check (length(btrim(provider_id)) between 1 and 100),
  organisation_id  integer not null references organisation (id)
);

-- A council's request for something on the menu, from its enquiry to its
-- rating, as the domain's `advanceRequest` left it. Held by the provider's
-- organisation; asked by one of the council's people.
create table support_request (
  id               integer generated always as identity primary key,
  area_code        text not null references area (code),
  offer_id         text not null check (length(btrim(offer_id)) between 1 and 100),
  offer_kind       text not null,
  provider_id      text not null,
  organisation_id  integer not null references organisation (id),
  requested_by     integer references user_account (id),
  requested_on     date not null,
  note             text check (length(note) <= 2000),
  state            text not null check (state in ('requested', 'accepted', 'declined', 'delivered', 'rated')),
  decided_on       date,
  decided_by       integer references user_account (id),
  decline_reason   text check (length(decline_reason) <= 2000),
  delivered_on     date,
  delivered_by     integer references user_account (id),
  -- accepting a request for a peer challenge opens the challenge's enquiry
  challenge_id     integer references peer_challenge (id),
  revision         integer not null default 1,
  created_at       timestamptz not null default now(),
  check ((state = 'declined') = (decline_reason is not null)),
  check (decided_on is null or decided_on >= requested_on),
  check (delivered_on is null or delivered_on >= coalesce(decided_on, requested_on))
);
-- A second open enquiry of one kind for a council is refused here, so that
-- two people asking at once cannot both open one.
create unique index support_request_one_open on support_request (area_code, offer_kind) where state in ('requested', 'accepted');
create index support_request_area on support_request (area_code, requested_on desc);
create index support_request_holder on support_request (organisation_id, state);

-- "It has been helpful": each rating of a delivered request, by whom (a name,
-- as those who took part gave it), entered by one of the council's people.
create table support_request_rating (
  id          integer generated always as identity primary key,
  request_id  integer not null references support_request (id),
  rater       text not null check (length(btrim(rater)) between 1 and 200),
  helpful     text not null check (helpful in ('strongly_agree', 'agree', 'neither', 'disagree', 'strongly_disagree')),
  entered_by  integer references user_account (id),
  entered_at  timestamptz not null default now()
);
create index support_request_rating_request on support_request_rating (request_id);

-- The improvement budget: per theme and financial year, with the sums carried
-- forward, held by the provider whose management group allocates it. Money in
-- whole pence, so that allocations add up to the penny.
create table funding_budget (
  id                      integer generated always as identity primary key,
  organisation_id         integer not null references organisation (id),
  theme                   text not null check (length(btrim(theme)) between 1 and 200),
  year                    text not null check (year ~ '^\d{4}/\d{2}$'),
  amount_pence            bigint not null check (amount_pence >= 0),
  carried_forward_pence   bigint not null default 0 check (carried_forward_pence >= 0),
  created_by              integer references user_account (id),
  created_at              timestamptz not null default now()
);
create unique index funding_budget_theme_year on funding_budget (organisation_id, lower(theme), year);

-- An allocation from a budget to a project or a council, as the management
-- group decided it, on the day it did. The store refuses one larger than the
-- budget's unallocated amount inside the transaction that adds it.
create table funding_allocation (
  id              integer generated always as identity primary key,
  budget_id       integer not null references funding_budget (id),
  recipient_kind  text not null check (recipient_kind in ('project', 'council')),
  recipient_name  text not null check (length(btrim(recipient_name)) between 1 and 200),
  area_code       text references area (code),
  amount_pence    bigint not null check (amount_pence > 0),
  decided_by      text not null check (length(btrim(decided_by)) between 1 and 200),
  decided_on      date not null,
  decision        text not null check (length(btrim(decision)) between 1 and 2000),
  starts_on       date,
  ends_on         date,
  created_by      integer references user_account (id),
  created_at      timestamptz not null default now(),
  check (recipient_kind = 'project' or area_code is not null),
  check (ends_on is null or starts_on is null or ends_on >= starts_on)
);
create index funding_allocation_budget on funding_allocation (budget_id);

-- Spend recorded against an allocation; spend over it is shown as overspent.
create table funding_spend (
  id             integer generated always as identity primary key,
  allocation_id  integer not null references funding_allocation (id),
  amount_pence   bigint not null check (amount_pence >= 0),
  spent_on       date not null,
  note           text check (length(note) <= 500),
  recorded_by    integer references user_account (id),
  recorded_at    timestamptz not null default now()
);
create index funding_spend_allocation on funding_spend (allocation_id);
