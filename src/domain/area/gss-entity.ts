/*
 * GSS entities: what the first three characters of a GSS code say an area is.
 *
 * A GSS code is a letter for the nation (E, W, S, N; K for the United Kingdom and
 * Great Britain), two digits for the entity (the kind of geography) and six for the
 * instance: E05000819 is an electoral ward, E06000047 a unitary authority.
 * Source: ONS, Register of Geographic Codes (the GSS entity list of the Open
 * Geography Portal); the entities below are the administrative, electoral and
 * statistical geographies council data is published for.
 *
 * Why: a file of ward figures imported into a store of councils should be told
 * that its codes are wards, never offered the nearest council code; with
 * --add-areas Lantern keeps such areas, typed by their entity. `inRegister`
 * marks the entities the area register lists in full (England, its regions and
 * every local authority): a code of those that the store lacks is a mistake, or
 * the register is not loaded yet.
 */
import type { AreaType } from './area-type.ts';
import { isGssCode } from './area-type.ts';

export interface GssEntity {
  readonly prefix: string;
  /** One of it, in lower case where it is not a name: 'ward', 'London borough'. */
  readonly name: string;
  readonly plural: string;
  /** The type Lantern keeps an area of this entity as, or undefined where it keeps none. */
  readonly areaType: AreaType | undefined;
  readonly inRegister: boolean;
}

type Row = readonly [prefix: string, name: string, plural: string, areaType: AreaType | undefined, inRegister?: true];

const ROWS: readonly Row[] = [
  ['E00', 'output area', 'output areas', 'output_area'],
  ['E01', 'lower layer super output area', 'lower layer super output areas', 'lsoa'],
  ['E02', 'middle layer super output area', 'middle layer super output areas', 'msoa'],
  ['E04', 'civil parish', 'civil parishes', 'parish'],
  ['E05', 'ward', 'wards', 'ward'],
  ['E06', 'unitary authority', 'unitary authorities', 'unitary', true],
  ['E07', 'non-metropolitan district', 'non-metropolitan districts', 'district', true],
  ['E08', 'metropolitan district', 'metropolitan districts', 'metropolitan_district', true],
  ['E09', 'London borough', 'London boroughs', 'london_borough', true],
  ['E10', 'county', 'counties', 'county', true],
  ['E11', 'metropolitan county', 'metropolitan counties', 'metropolitan_county'],
  ['E12', 'region', 'regions', 'region', true],
  ['E13', 'Inner or Outer London', 'Inner and Outer London', undefined],
  ['E14', 'Westminster parliamentary constituency', 'Westminster parliamentary constituencies', 'constituency'],
  ['E31', 'fire and rescue authority', 'fire and rescue authorities', 'fire_authority'],
  ['E38', 'sub-ICB location', 'sub-ICB locations', undefined],
  ['E47', 'combined authority', 'combined authorities', 'combined_authority', true],
  ['E54', 'integrated care board', 'integrated care boards', undefined],
  ['E61', 'Greater London Authority', 'Greater London Authority', 'strategic_authority', true],
  ['E92', 'country (England)', 'countries', 'england', true],
  ['W00', 'output area', 'output areas', 'output_area'],
  ['W01', 'lower layer super output area', 'lower layer super output areas', 'lsoa'],
  ['W02', 'middle layer super output area', 'middle layer super output areas', 'msoa'],
  ['W04', 'community', 'communities', 'parish'],
  ['W05', 'ward', 'wards', 'ward'],
  ['W06', 'Welsh unitary authority', 'Welsh unitary authorities', 'welsh_council', true],
  ['W07', 'Westminster parliamentary constituency', 'Westminster parliamentary constituencies', 'constituency'],
  ['W92', 'country (Wales)', 'countries', 'nation'],
  ['S00', 'output area', 'output areas', 'output_area'],
  ['S01', 'data zone', 'data zones', 'lsoa'],
  ['S02', 'intermediate zone', 'intermediate zones', 'msoa'],
  ['S12', 'Scottish council area', 'Scottish council areas', 'scottish_council', true],
  ['S13', 'ward', 'wards', 'ward'],
  ['S14', 'Westminster parliamentary constituency', 'Westminster parliamentary constituencies', 'constituency'],
  ['S92', 'country (Scotland)', 'countries', 'nation'],
  ['N00', 'small area', 'small areas', 'output_area'],
  ['N08', 'ward', 'wards', 'ward'],
  ['N09', 'Northern Irish local government district', 'Northern Irish local government districts', 'ni_district', true],
  ['N92', 'country (Northern Ireland)', 'countries', 'nation'],
  ['K02', 'United Kingdom', 'United Kingdom', undefined],
  ['K03', 'Great Britain', 'Great Britain', undefined],
  ['K04', 'England and Wales', 'England and Wales', undefined],
];

export const GSS_ENTITIES: ReadonlyMap<string, GssEntity> = new Map(
  ROWS.map(([prefix, name, plural, areaType, inRegister]) => [prefix, Object.freeze({ prefix, name, plural, areaType, inRegister: inRegister ?? false })]),
);

/** What a code is: not a GSS code at all, a GSS code of an entity Lantern does not know, or an entity's. */
export type GssReading = { readonly kind: 'malformed' } | { readonly kind: 'unknown_entity'; readonly prefix: string } | { readonly kind: 'entity'; readonly entity: GssEntity };

export function readGssCode(code: string): GssReading {
  if (!isGssCode(code)) return { kind: 'malformed' };
  const prefix = code.slice(0, 3);
  const entity = GSS_ENTITIES.get(prefix);
  return entity ? { kind: 'entity', entity } : { kind: 'unknown_entity', prefix };
}

/** "E05000819 is a ward code", "E92000002 is a country (England) code". */
export function describeGssCode(code: string, entity: GssEntity): string {
  return `${code} is ${/^[aeio]/i.test(entity.name) ? 'an' : 'a'} ${entity.name} code`;
}
