// Comparator groups: which councils an area is compared with.
//
// English local government has two tiers in part of the country, so a
// council is compared with councils that do the same job: a district with
// districts and single-tier councils (the lower-tier set), a county with
// counties and single-tier councils (the upper-tier set). A single-tier
// council belongs to both; which one a metric uses is told by its data:
// whether districts or counties have values for it. Places below the
// councils (wards, parishes, the census's small areas) and constituencies are
// compared only among their own kind, never mixed with councils: a ward
// metric's England group holds England's wards.
//
// Groups: 'england' (the tier set across England), 'region' (the tier set in
// the area's region), 'type' (areas of the same type), 'neighbours' (the
// nearest statistical neighbours) and 'custom' (a list someone saved). The
// benchmark of a group is the value of its own area where it has one
// (England's, the region's), and otherwise the group's mean.
import { ENGLAND_CODE, type AreaType } from '../area/index.ts';

export const COMPARATOR_KINDS = ['england', 'region', 'type', 'neighbours', 'custom'] as const;
export type ComparatorKind = (typeof COMPARATOR_KINDS)[number];

export function isComparatorKind(text: string): text is ComparatorKind {
  return (COMPARATOR_KINDS as readonly string[]).includes(text);
}

/**
 * The groups a page may offer an area, the default first: nearest
 * neighbours only for a council still in being (they are found among
 * councils, and a former council has no current ones), the region only for
 * an area in one, England and the area's type always. A link or a choice
 * outside these would lead nowhere.
 */
export function groupsFor(area: { readonly type: AreaType; readonly endDate: string | null; readonly regionCode: string | null }): readonly Exclude<ComparatorKind, 'custom'>[] {
  const neighbours = isCouncil(area.type) && area.endDate === null;
  const kinds = (['neighbours', 'region', 'type', 'england'] as const).filter((kind) => (kind === 'region' ? area.regionCode !== null : kind !== 'neighbours' || neighbours));
  return neighbours ? kinds : ['england', ...kinds.filter((kind) => kind !== 'england')];
}

/** What grouping needs to know of an area. */
export interface GroupableArea {
  readonly code: string;
  readonly name: string;
  readonly type: AreaType;
  readonly regionCode: string | null;
}

/** The places compared only among their own kind. */
export const OWN_KIND_TYPES = ['ward', 'parish', 'output_area', 'lsoa', 'msoa', 'constituency'] as const satisfies readonly AreaType[];
export type OwnKindType = (typeof OWN_KIND_TYPES)[number];

/** Councils of the lower or upper tier, or places of one kind below the councils. */
export type TierSet = 'lower' | 'upper' | OwnKindType;

const SINGLE_TIER: ReadonlySet<AreaType> = new Set(['unitary', 'metropolitan_district', 'london_borough', 'city_corporation']);

export function isOwnKind(type: AreaType): type is OwnKindType {
  return (OWN_KIND_TYPES as readonly AreaType[]).includes(type);
}

/** The members of a tier set: single-tier councils with districts (lower) or with counties (upper), or places of its own kind. */
export function inTierSet(type: AreaType, tierSet: TierSet): boolean {
  if (tierSet !== 'lower' && tierSet !== 'upper') return type === tierSet;
  return SINGLE_TIER.has(type) || type === (tierSet === 'lower' ? 'district' : 'county');
}

/** Whether a type of area is a council that comparisons rank (not England, a region or a combined authority). */
export function isCouncil(type: AreaType): boolean {
  return SINGLE_TIER.has(type) || type === 'district' || type === 'county';
}

/**
 * The tier set a metric's values speak for, from the types of the areas
 * that have them: counties and no districts means upper tier; no council at
 * all but wards (say) means wards, the most numerous such kind.
 */
export function tierSetOf(typesWithValues: Iterable<AreaType>): TierSet {
  let counties = 0;
  let districts = 0;
  let councils = 0;
  const ownKinds = new Map<OwnKindType, number>();
  for (const type of typesWithValues) {
    if (type === 'county') counties++;
    else if (type === 'district') districts++;
    if (isCouncil(type)) councils++;
    else if (isOwnKind(type)) ownKinds.set(type, (ownKinds.get(type) ?? 0) + 1);
  }
  if (councils === 0 && ownKinds.size > 0) return [...ownKinds].reduce((most, next) => (next[1] > most[1] ? next : most))[0];
  return counties > 0 && districts === 0 ? 'upper' : 'lower';
}

/** The tier set an area is compared in: its own kind's, its tier's, or for single-tier councils the metric's (lower where the metric's values are not councils'). */
export function tierSetFor(type: AreaType, metricTierSet: TierSet): TierSet {
  if (isOwnKind(type)) return type;
  if (type === 'district') return 'lower';
  if (type === 'county') return 'upper';
  return isCouncil(type) && metricTierSet !== 'upper' ? 'lower' : metricTierSet;
}

export interface GroupRule {
  readonly kind: Exclude<ComparatorKind, 'neighbours' | 'custom'>;
  /** The area being compared. */
  readonly area: GroupableArea;
  readonly tierSet: TierSet;
}

/** Whether `candidate` belongs in the group the rule describes. */
export function inGroup(rule: GroupRule, candidate: GroupableArea): boolean {
  if (!isCouncil(candidate.type) && !isOwnKind(candidate.type)) return false;
  switch (rule.kind) {
    case 'england':
      return inTierSet(candidate.type, rule.tierSet) && candidate.code.startsWith('E');
    case 'region':
      return inTierSet(candidate.type, rule.tierSet) && rule.area.regionCode !== null && candidate.regionCode === rule.area.regionCode;
    case 'type':
      return candidate.type === rule.area.type;
  }
}

/** The area whose own value is the group's benchmark, where there is one. */
export function benchmarkAreaOf(rule: GroupRule): string | undefined {
  switch (rule.kind) {
    case 'england':
      return ENGLAND_CODE;
    case 'region':
      return rule.area.regionCode ?? undefined;
    case 'type':
      return undefined;
  }
}

const TIER_WORDS: Readonly<Record<TierSet, string>> = {
  lower: 'districts and single-tier councils',
  upper: 'counties and single-tier councils',
  ward: 'wards',
  parish: 'parishes',
  output_area: 'output areas',
  lsoa: 'lower layer super output areas',
  msoa: 'middle layer super output areas',
  constituency: 'constituencies',
};

/** "Unitary authorities and districts in North East", for headings and CSV files. */
export function describeGroup(rule: GroupRule, regionName: string | undefined): string {
  const tier = TIER_WORDS[rule.tierSet];
  switch (rule.kind) {
    case 'england':
      return `English ${tier}`;
    case 'region':
      return `${tier[0]!.toUpperCase()}${tier.slice(1)} in ${regionName ?? 'the region'}`;
    case 'type':
      return `Areas of the same type (${rule.area.type.replace(/_/g, ' ')})`;
  }
}
