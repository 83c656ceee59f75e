export { AREA_TYPES, ENGLAND_CODE, isAreaType, isGssCode, type AreaType } from './area-type.ts';
export { GSS_ENTITIES, describeGssCode, readGssCode, type GssEntity, type GssReading } from './gss-entity.ts';
export { judgeUnknownArea, type UnknownArea, type UnknownAreaContext } from './unknown-area.ts';
export { postcodeShape } from './postcode.ts';
