-- Efficiency savings (issue 21, build item 9): per council and financial
-- year, an amount a year, whether it releases cash, how many full financial
-- years it lasts, where it came from, and how far it is proven: estimated,
-- claimed, evidenced (by a document or an observation in the hub) and
-- verified by a named user of the regional partnership. The rules are the
-- domain's (src/domain/savings/); these checks keep what they allow.
create table saving (
  id                  integer generated always as identity primary key,
  area_code           text not null references area (code),
  -- the council's organisation, which holds it
  organisation_id     integer not null references organisation (id),
  year                text not null check (year ~ '^[0-9]{4}/[0-9]{2}$'),
  amount              numeric(14, 2) not null check (amount >= 0),
  cash_releasing      boolean not null,
  lasts_full_years    integer not null check (lasts_full_years >= 0),
  source              text not null check (source in ('shared_service', 'procurement', 'support_given', 'service_redesign', 'other')),
  description         text not null check (length(btrim(description)) between 1 and 2000),
  status              text not null check (status in ('estimated', 'claimed', 'evidenced', 'verified')),
  evidence_kind       text check (evidence_kind in ('document', 'observation')),
  evidence_reference  text,
  evidence_metric     text,
  evidence_area       text,
  evidence_period     text,
  verified_by         integer references user_account (id),
  verified_at         timestamptz,
  recorded_by         integer references user_account (id),
  recorded_at         timestamptz not null default now(),
  revision            integer not null default 1,
  updated_at          timestamptz not null default now(),
  check (status not in ('evidenced', 'verified') or evidence_kind is not null),
  check ((status = 'verified') = (verified_by is not null and verified_at is not null)),
  check (evidence_kind is distinct from 'document' or length(btrim(evidence_reference)) > 0),
  check (evidence_kind is distinct from 'observation' or (evidence_metric is not null and evidence_area is not null and evidence_period is not null))
);
create index saving_council on saving (area_code, year);
create index saving_year on saving (year);

-- Each step of a saving's status, who took it and when: the trail from
-- estimate to verification.
create table saving_step (
  saving_id  integer not null references saving (id),
  status     text not null check (status in ('estimated', 'claimed', 'evidenced', 'verified')),
  taken_by   integer references user_account (id),
  taken_at   timestamptz not null default now()
);
create index saving_step_saving on saving_step (saving_id, taken_at);
