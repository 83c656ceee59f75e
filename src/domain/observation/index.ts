export { cellHazard, MAX_CELL_LENGTH, type CellHazard } from './cell-hazards.ts';
export { checkObservationValues, emptyValues, VALUE_COLUMNS, type CellProblem, type ObservationCells, type ObservationValues, type ValueColumn } from './check-values.ts';
export { decodeFlags, encodeFlags, isObservationFlag, OBSERVATION_FLAGS, SUPPRESSED, type ObservationFlag } from './flags.ts';
export { plainNumberOf, readNumber, type NumberRead } from './read-number.ts';
