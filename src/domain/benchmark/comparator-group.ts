// Comparator groups: which councils an area is compared with.
//
// English local government has two tiers in part of the country, so a
// council is compared with councils that do the same job: a district with
// districts and single-tier councils (the lower-tier set), a county with
// counties and single-tier councils (the upper-tier set). A single-tier
// council belongs to both; which one a metric uses is told by its data:
// whether districts or counties have values for it.
//
// Groups: 'england' (the tier set across England), 'region' (the tier set in
// the area's region), 'type' (areas of the same type), 'neighbours' (the
// nearest statistical neighbours) and 'custom' (a list someone saved). The
// benchmark of a group is the value of its own area where it has one
// (England's, the region's), and otherwise the group's mean.
import type { AreaType } from '../area/index.ts';

export const COMPARATOR_KINDS = ['england', 'region', 'type', 'neighbours', 'custom'] as const;
export type ComparatorKind = (typeof COMPARATOR_KINDS)[number];

export function isComparatorKind(text: string): text is ComparatorKind {
  return (COMPARATOR_KINDS as readonly string[]).includes(text);
}

/** What grouping needs to know of an area. */
export interface GroupableArea {
  readonly code: string;
  readonly name: string;
  readonly type: AreaType;
  readonly regionCode: string | null;
}

export type TierSet = 'lower' | 'upper';

const SINGLE_TIER: ReadonlySet<AreaType> = new Set(['unitary', 'metropolitan_district', 'london_borough', 'city_corporation']);

/** The councils of a tier set: single-tier councils with districts (lower) or with counties (upper). */
export function inTierSet(type: AreaType, tierSet: TierSet): boolean {
  return SINGLE_TIER.has(type) || type === (tierSet === 'lower' ? 'district' : 'county');
}

/** Whether a type of area is a council that comparisons rank (not England, a region or a combined authority). */
export function isCouncil(type: AreaType): boolean {
  return SINGLE_TIER.has(type) || type === 'district' || type === 'county';
}

/**
 * The tier set a metric's values speak for, from the types of the areas
 * that have them: counties and no districts means upper tier.
 */
export function tierSetOf(typesWithValues: Iterable<AreaType>): TierSet {
  let counties = 0;
  let districts = 0;
  for (const type of typesWithValues) {
    if (type === 'county') counties++;
    else if (type === 'district') districts++;
  }
  return counties > 0 && districts === 0 ? 'upper' : 'lower';
}

/** The tier set an area is compared in: its own, or for single-tier councils the metric's. */
export function tierSetFor(type: AreaType, metricTierSet: TierSet): TierSet {
  if (type === 'district') return 'lower';
  if (type === 'county') return 'upper';
  return metricTierSet;
}

export interface GroupRule {
  readonly kind: Exclude<ComparatorKind, 'neighbours' | 'custom'>;
  /** The area being compared. */
  readonly area: GroupableArea;
  readonly tierSet: TierSet;
}

/** Whether `candidate` belongs in the group the rule describes. */
export function inGroup(rule: GroupRule, candidate: GroupableArea): boolean {
  if (!isCouncil(candidate.type)) return false;
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
      return 'E92000001';
    case 'region':
      return rule.area.regionCode ?? undefined;
    case 'type':
      return undefined;
  }
}

/** "Unitary authorities and districts in North East", for headings and CSV files. */
export function describeGroup(rule: GroupRule, regionName: string | undefined): string {
  const tier = rule.tierSet === 'lower' ? 'districts and single-tier councils' : 'counties and single-tier councils';
  switch (rule.kind) {
    case 'england':
      return `English ${tier}`;
    case 'region':
      return `${tier[0]!.toUpperCase()}${tier.slice(1)} in ${regionName ?? 'the region'}`;
    case 'type':
      return `Areas of the same type (${rule.area.type.replace(/_/g, ' ')})`;
  }
}
