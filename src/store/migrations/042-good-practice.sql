-- The good-practice library (issue 21, build item 10): case studies with the
-- councils they are about, their themes, the metrics they improved over the
-- periods they name, their source, and their moderation. The rules are the
-- domain's (src/domain/good-practice/); the policy decides who reads each
-- state (a draft its writer, moderation the writer's council and the
-- library's moderators, a published one everyone).
--
-- Search is PostgreSQL's own: a tsvector generated from the words, in the
-- english configuration (title weighted above summary above body), under a
-- GIN index, finds the matches of websearch_to_tsquery; they are ranked by
-- ts_rank on a second, small vector of the title and summary alone (a
-- match there first, then the latest), because ranking must read the vector
-- of every match and the whole document's is many times larger.
create table case_study (
  id               integer generated always as identity primary key,
  title            text not null check (length(btrim(title)) between 1 and 200),
  summary          text not null check (length(btrim(summary)) between 1 and 600),
  body             text not null check (length(btrim(body)) between 1 and 20000),
  themes           text[] not null default '{}',
  source           text not null check (source in ('peer_challenge', 'award', 'efficiency_casebook', 'council')),
  -- where the source tells it: a paper and its paragraph, an award and its year
  source_note      text check (length(source_note) <= 500),
  -- invented to show how the library works, and marked so wherever shown
  illustrative     boolean not null default false,
  state            text not null default 'draft' check (state in ('draft', 'submitted', 'returned', 'published')),
  return_reason    text,
  author_id        integer references user_account (id),
  -- the writer's organisation, which holds it while it is moderated
  organisation_id  integer not null references organisation (id),
  moderator_id     integer references user_account (id),
  written_at       timestamptz not null default now(),
  changed_at       timestamptz not null default now(),
  submitted_at     timestamptz,
  moderated_at     timestamptz,
  published_at     timestamptz,
  revision         integer not null default 1,
  document         tsvector generated always as (
                     setweight(to_tsvector('english', title), 'A') ||
                     setweight(to_tsvector('english', summary), 'B') ||
                     setweight(to_tsvector('english', body), 'C')) stored,
  lead             tsvector generated always as (
                     setweight(to_tsvector('english', title), 'A') ||
                     setweight(to_tsvector('english', summary), 'B')) stored,
  check (state <> 'returned' or length(btrim(return_reason)) > 0),
  check (state <> 'published' or published_at is not null)
);
create index case_study_document on case_study using gin (document);
create index case_study_themes on case_study using gin (themes);
create index case_study_state on case_study (state, published_at desc nulls last);
create index case_study_author on case_study (author_id);

-- The councils a case study is about, in the order its writer gave them.
create table case_study_council (
  case_study_id  integer not null references case_study (id) on delete cascade,
  area_code      text not null references area (code),
  position       smallint not null,
  primary key (case_study_id, area_code)
);
create index case_study_council_area on case_study_council (area_code, case_study_id);

-- A metric a case study improved, from one period to another; `improved_during`
-- is the span from the first period's first day to the last's last day, so
-- that a search by period finds the case studies whose improvement touches it.
create table case_study_metric (
  case_study_id    integer not null references case_study (id) on delete cascade,
  position         smallint not null,
  metric_code      text not null references metric (code),
  from_period      text not null,
  to_period        text not null,
  improved_during  daterange not null,
  primary key (case_study_id, position)
);
create index case_study_metric_code on case_study_metric (metric_code, case_study_id);
