-- Intelligence items under the causes of failure and the Best Value themes,
-- the same rows a hard-data flag lands in (src/domain/early-warning/causes.ts),
-- and the day each was last reviewed, from which it goes stale.
--
-- The five risk factors of migration 003 move across as causes. The
-- Advisory Board (Improvement Board, 2012, item 1(a), appendix 1) named the
-- quality of leadership and the trust between leading members and senior
-- staff as two causes; an old 'leadership_and_relationships' item cannot be
-- told apart by its columns, so it becomes 'leadership', the first and wider
-- of the two, and its adviser may move it to 'relationships'. The other four
-- keep their names. Each item takes the Best Value theme its cause usually
-- takes (USUAL_THEME in src/domain/access/intelligence-item.ts), as a new
-- item given no theme does.
--
-- An item counts as reviewed when it was recorded, changed or marked
-- reviewed; an old item was last looked at when it was last changed.

alter table intelligence_item
  add column cause text,
  add column best_value_theme text,
  add column reviewed_at timestamptz;

update intelligence_item set
  cause = case risk_factor when 'leadership_and_relationships' then 'leadership' else risk_factor end,
  best_value_theme = case risk_factor
    when 'leadership_and_relationships' then 'leadership'
    when 'high_risk_change' then 'governance'
    when 'disengagement' then 'partnerships_and_community_engagement'
    when 'financial_difficulty' then 'use_of_resources'
    else 'service_delivery' end,
  reviewed_at = updated_at;

alter table intelligence_item
  alter column cause set not null,
  alter column best_value_theme set not null,
  alter column reviewed_at set not null,
  alter column reviewed_at set default now(),
  add constraint intelligence_item_cause check (cause in ('leadership', 'relationships', 'high_risk_change', 'disengagement', 'financial_difficulty', 'service_performance')),
  add constraint intelligence_item_theme check (best_value_theme in ('continuous_improvement', 'leadership', 'governance', 'culture', 'use_of_resources',
    'service_delivery', 'partnerships_and_community_engagement')),
  drop column risk_factor;

create index intelligence_item_cause on intelligence_item (subject_area, cause);
