// Councils with children's and adult social care duties: the county and
// single-tier councils, never a district. Safeguarding, adults' and
// children's challenges are for these alone.
import type { AreaType } from '../area/index.ts';

export const CHILDRENS_AUTHORITIES: readonly AreaType[] = Object.freeze(['county', 'unitary', 'metropolitan_district', 'london_borough', 'city_corporation']);
