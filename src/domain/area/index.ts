export { AREA_TYPES, ENGLAND_CODE, isAreaType, isGssCode, type AreaType } from './area-type.ts';
