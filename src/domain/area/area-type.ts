// The kinds of area Lantern knows. English local government has two tiers in
// much of the country (county over districts) and one elsewhere (unitary,
// metropolitan district, London borough); England and its nine regions are
// areas too, so that every comparison has a place to stand. Below the councils
// are the places councils publish figures for (wards, parishes, the census's
// small areas) and constituencies: kept when an import is asked to add them,
// each typed by its GSS entity (gss-entity.ts).
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
  'metropolitan_county',
  'nation',
  'ward',
  'parish',
  'output_area',
  'lsoa',
  'msoa',
  'constituency',
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
