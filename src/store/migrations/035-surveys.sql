-- Resident surveys (issue 20; IMPROVEMENT.md, "Resident surveys and councils'
-- own data"): the question sets councils ask, a council's survey as it was
-- run, its results as counts per answer option, and the comparability
-- verdict worked out from them. Comparable results become held values
-- (migration 034) of their questions' metrics; nothing here is read by
-- public pages, the benchmark index, exports or reports.
--
-- A set, a survey's weighting and placements, and a verdict are kept as the
-- domain's JSON shapes (src/domain/surveys/types.ts), so that the API
-- returns them as they were given and judged.

-- A question set at one version: the LGA's "Are you being served?" questions
-- or a set an administrator adds. A changed wording, scale or positive option
-- is a new version; the old ones stay, since surveys name the version they
-- asked.
create table question_set (
  id          integer generated always as identity primary key,
  code        text not null check (code ~ '^[a-z0-9][a-z0-9-]*$'),
  version     integer not null check (version >= 1),
  title       text not null check (length(btrim(title)) between 1 and 200),
  source      text not null check (length(source) <= 2000),
  -- [{ code, wording, answerOptions: [{ code, label, positive, dontKnow }], benchmarkable, metricCode }]
  questions   jsonb not null check (jsonb_typeof(questions) = 'array'),
  -- null: loaded from the sets kept with Lantern (data/surveys)
  added_by    integer references user_account (id),
  added_at    timestamptz not null default now(),
  unique (code, version)
);

-- A council's survey as it was run: one record per authority (a joint county
-- and districts survey gives one each), per wave for a tracker. England's
-- record holds the national poll's waves, the reference series.
create table survey (
  id                 integer generated always as identity primary key,
  area_code          text not null references area (code),
  -- the organisation that holds it: restricted to it until released
  organisation_id    integer not null references organisation (id),
  title              text not null check (length(btrim(title)) between 1 and 200),
  method             text not null check (method in ('postal', 'online', 'telephone', 'face_to_face', 'mixed')),
  sampling           text not null check (sampling in ('random_probability', 'quota', 'opt_in_panel')),
  fieldwork_start    date not null,
  fieldwork_end      date not null,
  -- the financial year of the fieldwork's end: the period its values are held for
  period             text collate "C" not null references period (label),
  achieved_sample    integer not null check (achieved_sample >= 1),
  -- { kind: 'none' } or { kind: 'weighted', variables: [...], effectiveBase }
  weighting          jsonb not null check (jsonb_typeof(weighting) = 'object'),
  -- [{ questionCode, setCode, setVersion, position, order, wordingUsed }]
  placements         jsonb not null check (jsonb_typeof(placements) = 'array'),
  tracker_name       text check (tracker_name is null or length(btrim(tracker_name)) between 1 and 200),
  tracker_wave       integer check (tracker_wave >= 1),
  -- made up for the demo, and said so wherever it shows
  synthetic          boolean not null default false,
  -- the comparability verdict of the current results (the domain's ComparabilityVerdict), once there are results
  verdict            jsonb,
  comparability      text check (comparability in ('comparable', 'comparable_with_caveats', 'not_comparable')),
  -- the officer confirmed the results: their held values are no longer provisional
  results_confirmed  boolean not null default false,
  -- counts every change, so that an edit made from an older reading is refused (409)
  revision           integer not null default 1,
  entered_by         integer references user_account (id),
  entered_at         timestamptz not null default now(),
  changed_by         integer references user_account (id),
  changed_at         timestamptz not null default now(),
  check (fieldwork_end >= fieldwork_start),
  check ((tracker_name is null) = (tracker_wave is null)),
  check ((verdict is null) = (comparability is null))
);
-- The same survey is not entered twice: one a council, period and method (and wave, for a tracker).
create unique index survey_once on survey (area_code, period, method, coalesce(tracker_name, ''), coalesce(tracker_wave, 0));
create index survey_of_organisation on survey (organisation_id);

-- The answers to one question of a survey: counts per answer option code and,
-- where weighted, the weighted percentages and their effective base. Entering
-- a question's results again supersedes the current row, which stays as its
-- history.
create table survey_result (
  id               bigint generated always as identity primary key,
  survey_id        integer not null references survey (id),
  question_code    text not null,
  set_code         text not null,
  set_version      integer not null,
  -- { optionCode: count }
  counts           jsonb not null check (jsonb_typeof(counts) = 'object'),
  base             integer not null check (base >= 0),
  -- { percentages: { optionCode: percent }, effectiveBase } where weighted
  weighted         jsonb check (weighted is null or jsonb_typeof(weighted) = 'object'),
  entered_by       integer references user_account (id),
  entered_at       timestamptz not null default now(),
  superseded_at    timestamptz,
  foreign key (set_code, set_version) references question_set (code, version)
);
create unique index survey_result_current on survey_result (survey_id, question_code) where superseded_at is null;
