// The kinds of area Lantern knows. English local government has two tiers in
// much of the country (county over districts) and one elsewhere (unitary,
// metropolitan district, London borough); England and its nine regions are
// areas too, so that every comparison has a place to stand.
export const AREA_TYPES = [
  'england',
  'region',
  'county',
  'district',
  'unitary',
  'metropolitan_district',
  'london_borough',
  'city_corporation',
  'combined_authority',
  'strategic_authority',
  'fire_authority',
  'scottish_council',
  'welsh_council',
  'ni_district',
] as const;

export type AreaType = (typeof AREA_TYPES)[number];

export function isAreaType(text: string): text is AreaType {
  return (AREA_TYPES as readonly string[]).includes(text);
}

/** GSS codes: a letter for the nation, two digits for the entity, six for the instance (E06000047). */
export function isGssCode(text: string): boolean {
  return /^[EWSNK]\d{8}$/.test(text);
}

export const ENGLAND_CODE = 'E92000001';
