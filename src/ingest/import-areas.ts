// Importing areas, from three shapes of file:
// - Lantern's areas CSV or JSON: code, name, type, and optionally
//   official_name, register_code, nation, region_code, county_code,
//   start_date, end_date, successor_codes and former_codes (codes separated by ;)
//   and other_names (names separated by ;);
// - the register of local authorities (one row per authority, past and
//   present, keyed by a three-letter register code), mapped onto the above:
//   regions by name, counties and successors through register codes, and its
//   alt-names (Welsh names among them) as other names, for search;
// - a GeoJSON boundary file: each feature's code and name, adding areas
//   Lantern lacks (regions, say) and never overwriting what the register says.
// An area Lantern holds changes only in the columns the file gives: a file of
// code, name and type renames an area and keeps its region, dates and former
// codes. The store keeps every change with the batch that made it.
import { AREA_TYPES, GSS_ENTITIES, isAreaType, isGssCode, type AreaType } from '../domain/area/index.ts';
import type { Rejection } from '../domain/batch/index.ts';
import { closestMatch } from '../domain/suggest/index.ts';
import { ALL_AREA_FIELDS, AREA_COLUMNS, areaKeys, regionKeys, upsertAreas, type Area } from '../store/catalogue.ts';
import { takeWriteTurn, type Tx } from '../store/observations.ts';
import { byGivenFields, cellOf, givenFields, hazards, listOf, type CatalogueRecord } from './catalogue-records.ts';
import type { StepCounts } from './import-observations.ts';
import { RejectionList } from './rejections.ts';

export type AreaSource = 'areas' | 'register' | 'boundaries';

const REGISTER_TYPES: Readonly<Record<string, AreaType>> = {
  NMD: 'district',
  UA: 'unitary',
  MD: 'metropolitan_district',
  LBO: 'london_borough',
  CTY: 'county',
  COMB: 'combined_authority',
  SRA: 'strategic_authority',
  CC: 'city_corporation',
  SCO: 'scottish_council',
  WPA: 'welsh_council',
  NID: 'ni_district',
};

export function areaSourceOf(header: readonly string[]): AreaSource {
  return header.includes('local-authority-code') ? 'register' : 'areas';
}

export async function loadAreas(tx: Tx, source: AreaSource, records: readonly CatalogueRecord[], batchId: number): Promise<StepCounts & { rejections: RejectionList }> {
  const known = await areaKeys(tx);
  const knownCodes = new Set(known.map((a) => a.code));
  const regionByName = new Map((await regionKeys(tx)).map((r) => [r.name.toLowerCase(), r.code]));
  const registerToGss = new Map(records.map((r) => [cellOf(r, 'local-authority-code'), cellOf(r, 'gss-code')]));

  // First each row on its own; then the references between rows, to areas
  // that are in the store or passed their own checks: with --skip-invalid, an
  // area must not be stored pointing at a region that was rejected.
  const seen = new Map<string, number>();
  const read = records.map((record) => {
    const problems = hazards(record, 1000);
    const given = source === 'areas' ? givenFields(record, AREA_COLUMNS) : ALL_AREA_FIELDS;
    const isNew = !knownCodes.has(cellOf(record, 'code'));
    const area =
      problems.length > 0
        ? undefined
        : source === 'register'
          ? fromRegister(record, regionByName, registerToGss, problems)
          : source === 'boundaries'
            ? fromBoundary(record, problems)
            : fromAreaRecord(record, problems, isNew || given.includes('type'));
    if (area) checkArea(area, record.line, seen, problems, isNew || given.includes('name'));
    if (area) seen.set(area.code, record.line);
    return { area, given, problems };
  });
  const goodCodes = new Set(read.flatMap(({ area, problems }) => (area && problems.length === 0 ? [area.code] : [])));
  const exists = (code: string) => knownCodes.has(code) || goodCodes.has(code);

  const rejections = new RejectionList();
  const areas: { value: Area; given: readonly (keyof Area)[] }[] = [];
  read.forEach(({ area, given, problems }, i) => {
    if (area) checkReferences(area, records[i]!.line, exists, problems);
    if (problems.length > 0) rejections.addRow(problems);
    else if (area && !(source === 'boundaries' && knownCodes.has(area.code))) areas.push({ value: area, given });
  });
  await takeWriteTurn(tx);
  const counts = { inserted: 0, revised: 0 };
  for (const group of byGivenFields(areas)) {
    const written = await upsertAreas(tx, group.values, batchId, group.given);
    counts.inserted += written.inserted;
    counts.revised += written.revised;
  }
  return {
    rowsRead: records.length,
    inserted: counts.inserted,
    revised: counts.revised,
    unchanged: records.length - rejections.rows - counts.inserted - counts.revised,
    rejected: rejections.rows,
    rejections,
  };
}

function checkArea(area: Area, line: number, seen: Map<string, number>, problems: Rejection[], needsName: boolean): void {
  const duplicate = seen.get(area.code);
  if (duplicate !== undefined) problems.push({ line, column: 'code', value: area.code, reason: `${area.code} is also on line ${duplicate}: a file may give each area only once` });
  if (!isGssCode(area.code)) problems.push({ line, column: 'code', value: area.code, reason: `'${area.code}' is not a GSS code (a letter and eight digits, such as E06000047)` });
  if (needsName && area.name === '') problems.push({ line, column: 'name', value: '', reason: 'the name is missing' });
  if (area.startDate && area.endDate && area.startDate > area.endDate) {
    problems.push({ line, column: 'end_date', value: area.endDate, reason: `the area ends (${area.endDate}) before it starts (${area.startDate})` });
  }
}

function checkReferences(area: Area, line: number, exists: (code: string) => boolean, problems: Rejection[]): void {
  for (const [column, code] of [
    ['region_code', area.regionCode],
    ['county_code', area.countyCode],
  ] as const) {
    if (code && !exists(code)) problems.push({ line, column, value: code, reason: `'${code}' is not an area in the store or among this file's good rows` });
  }
  for (const code of area.successorCodes) {
    if (!exists(code)) problems.push({ line, column: 'successor_codes', value: code, reason: `the successor '${code}' is not an area in the store or among this file's good rows` });
  }
}

/** needsType: a new area, or a row that gives a type, must give a known one; an area Lantern holds keeps its own otherwise. */
function fromAreaRecord(record: CatalogueRecord, problems: Rejection[], needsType: boolean): Area {
  const type = cellOf(record, 'type');
  if (needsType && !isAreaType(type)) {
    const near = closestMatch(
      type,
      AREA_TYPES.map((key) => ({ key })),
    );
    problems.push({ line: record.line, column: 'type', value: type, reason: `'${type}' is not an area type (${AREA_TYPES.join(', ')})`, ...(near ? { suggestion: near.key } : {}) });
  }
  return {
    code: cellOf(record, 'code'),
    name: cellOf(record, 'name'),
    officialName: orNull(cellOf(record, 'official_name')),
    type: type as AreaType,
    registerCode: orNull(cellOf(record, 'register_code')),
    nation: orNull(cellOf(record, 'nation')),
    regionCode: orNull(cellOf(record, 'region_code')),
    countyCode: orNull(cellOf(record, 'county_code')),
    startDate: date(record, 'start_date', problems),
    endDate: date(record, 'end_date', problems),
    successorCodes: listOf(cellOf(record, 'successor_codes')),
    formerCodes: listOf(cellOf(record, 'former_codes')),
    otherNames: listOf(cellOf(record, 'other_names')),
  };
}

function fromRegister(record: CatalogueRecord, regionByName: Map<string, string>, registerToGss: Map<string, string>, problems: Rejection[]): Area | undefined {
  const code = cellOf(record, 'gss-code');
  if (code === '') {
    problems.push({ line: record.line, column: 'gss-code', value: '', reason: `${cellOf(record, 'nice-name') || 'this authority'} has no GSS code, so it cannot be an area` });
    return undefined;
  }
  const registerType = cellOf(record, 'local-authority-type');
  const type = REGISTER_TYPES[registerType];
  if (!type)
    problems.push({
      line: record.line,
      column: 'local-authority-type',
      value: registerType,
      reason: `'${registerType}' is not a type of authority Lantern knows (${Object.keys(REGISTER_TYPES).join(', ')})`,
    });
  const nation = cellOf(record, 'nation');
  const regionName = cellOf(record, 'region');
  const regionCode = nation === 'England' && regionName !== '' ? regionByName.get(regionName.toLowerCase()) : undefined;
  if (nation === 'England' && regionName !== '' && !regionCode) {
    problems.push({ line: record.line, column: 'region', value: regionName, reason: `'${regionName}' is not a region in the store: import the regions (a boundaries file) first` });
  }
  const viaRegister = (registerCode: string, column: string) => {
    const gss = registerToGss.get(registerCode);
    if (!gss) problems.push({ line: record.line, column, value: registerCode, reason: `'${registerCode}' is not a register code in this file` });
    return gss ?? '';
  };
  const county = cellOf(record, 'county-la');
  return {
    code,
    name: cellOf(record, 'nice-name'),
    officialName: orNull(cellOf(record, 'official-name')),
    type: type ?? 'district',
    registerCode: orNull(cellOf(record, 'local-authority-code')),
    nation: orNull(nation),
    regionCode: regionCode ?? null,
    countyCode: county ? viaRegister(county, 'county-la') : null,
    startDate: date(record, 'start-date', problems),
    endDate: date(record, 'end-date', problems),
    successorCodes: listOf(cellOf(record, 'replaced-by')).map((c) => viaRegister(c, 'replaced-by')),
    formerCodes: listOf(cellOf(record, 'former-gss-codes')),
    otherNames: otherNamesOf(cellOf(record, 'alt-names'), [cellOf(record, 'nice-name'), cellOf(record, 'official-name')]),
  };
}

/**
 * The register's alt-names (comma-separated, each often twice, as written and
 * in lower case) less the names the area already has: Cardiff's are Caerdydd,
 * The City of Cardiff Council and Cardiff Council. The first form of each is
 * kept.
 */
export function otherNamesOf(altNames: string, names: readonly string[]): string[] {
  const held = new Set(names.map((name) => name.toLowerCase()));
  const others: string[] = [];
  for (const name of altNames.split(',').map((n) => n.trim())) {
    if (name === '' || held.has(name.toLowerCase())) continue;
    held.add(name.toLowerCase());
    others.push(name);
  }
  return others;
}

function fromBoundary(record: CatalogueRecord, problems: Rejection[]): Area {
  const code = cellOf(record, 'code');
  const type = GSS_ENTITIES.get(code.slice(0, 3))?.areaType;
  if (!type) problems.push({ line: record.line, column: 'code', value: code, reason: `'${code}' is not a kind of area Lantern keeps, by its GSS code` });
  return {
    code,
    name: cellOf(record, 'name'),
    officialName: null,
    type: type ?? 'region',
    registerCode: null,
    nation: code.startsWith('E') ? 'England' : null,
    regionCode: null,
    countyCode: null,
    startDate: null,
    endDate: null,
    successorCodes: [],
    formerCodes: [],
    otherNames: [],
  };
}

function date(record: CatalogueRecord, column: string, problems: Rejection[]): string | null {
  const text = cellOf(record, column);
  if (text === '') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text))) return text;
  problems.push({ line: record.line, column, value: text, reason: `'${text}' is not a date in the form YYYY-MM-DD` });
  return null;
}

function orNull(text: string): string | null {
  return text === '' ? null : text;
}
