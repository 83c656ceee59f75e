// The words pages use for Lantern's codes: area types, comparator groups,
// trend judgements. (Ordinal ranks are the domain's, as verdicts use them too.)
import type { AreaType } from '../../domain/area/index.ts';
import type { TrendSummary } from '../../domain/benchmark/trend-of.ts';

const AREA_TYPE_WORDS: Readonly<Record<AreaType, string>> = {
  england: 'Country',
  region: 'Region',
  county: 'County council',
  district: 'District council',
  unitary: 'Unitary authority',
  metropolitan_district: 'Metropolitan district',
  london_borough: 'London borough',
  city_corporation: 'City corporation',
  combined_authority: 'Combined authority',
  strategic_authority: 'Strategic authority',
  fire_authority: 'Fire authority',
  scottish_council: 'Scottish council',
  welsh_council: 'Welsh council',
  ni_district: 'Northern Irish district',
  metropolitan_county: 'Metropolitan county',
  nation: 'Country',
  ward: 'Ward',
  parish: 'Parish',
  output_area: 'Output area',
  lsoa: 'Lower layer super output area',
  msoa: 'Middle layer super output area',
  constituency: 'Parliamentary constituency',
};

export function areaTypeWords(type: AreaType): string {
  return AREA_TYPE_WORDS[type];
}

export const GROUP_CHOICES = [
  { value: 'neighbours', text: 'Nearest neighbours' },
  { value: 'region', text: 'Region' },
  { value: 'type', text: 'Councils of the same type' },
  { value: 'england', text: 'England' },
] as const;

/** What figures with intervals are tested against, as the pages offer it: England by default. */
export const BENCHMARK_CHOICES = [
  { value: 'england', text: 'England' },
  { value: 'group', text: "The group's own (its region, or its average)" },
] as const;

/** The choices with the one in force selected, for a page's select. */
export function benchmarkChoices(chosen: string | undefined): { value: string; text: string; selected: boolean }[] {
  return BENCHMARK_CHOICES.map((c) => ({ ...c, selected: c.value === (chosen ?? 'england') }));
}

// Each judgement in a few words for the table, and in a sentence for those who want it.
const DIRECTION_WORDS: Readonly<Record<TrendSummary['direction'], readonly [string, string]>> = {
  improving: ['Improving', 'Significantly better than the period before'],
  worsening: ['Worsening', 'Significantly worse than the period before'],
  increasing: ['Up', 'Significantly higher than the period before'],
  decreasing: ['Down', 'Significantly lower than the period before'],
  no_significant_change: ['No significant change', 'No significant change from the period before'],
  not_compared: ['Change not tested', 'Not tested against the period before: the figures have no confidence intervals'],
  not_computed: ['No earlier figure', 'No figure for the period before to compare with'],
};

const RECENT_WORDS: Readonly<Record<TrendSummary['recent'], readonly [string, string]>> = {
  getting_better: ['getting better', 'getting better over the last five periods'],
  getting_worse: ['getting worse', 'getting worse over the last five periods'],
  increasing: ['rising', 'rising over the last five periods'],
  decreasing: ['falling', 'falling over the last five periods'],
  no_significant_change: ['no clear trend', 'no significant trend over the last five periods'],
  not_computed: ['no trend tested', 'no trend tested: it needs five unbroken periods with counts or intervals'],
};

export function trendWords(trend: TrendSummary): { short: string; long: string } {
  const [direction, directionLong] = DIRECTION_WORDS[trend.direction];
  const [recent, recentLong] = RECENT_WORDS[trend.recent];
  return { short: `${direction}; ${recent}`, long: `${directionLong}; ${recentLong}.` };
}
