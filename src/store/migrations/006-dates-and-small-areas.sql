-- Snapshots on one day ('2020-12-31') are a period kind of their own, and an
-- import may keep the areas below the councils that data is published for
-- (wards, parishes, the census's small areas, constituencies), typed by their
-- GSS entity. The store refuses any other period kind or area type.

alter table metric drop constraint metric_period_kind_check;
alter table metric add constraint metric_period_kind_check check (period_kind in (
  'financial_year', 'calendar_year', 'quarter', 'month', 'multi_calendar_year', 'multi_financial_year', 'date'));

alter table area add constraint area_type_check check (type in (
  'england', 'region', 'county', 'district', 'unitary', 'metropolitan_district', 'london_borough', 'city_corporation',
  'combined_authority', 'strategic_authority', 'fire_authority', 'scottish_council', 'welsh_council', 'ni_district',
  'metropolitan_county', 'nation', 'ward', 'parish', 'output_area', 'lsoa', 'msoa', 'constituency'));
