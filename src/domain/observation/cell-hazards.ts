// Cells that should never be stored as they are. A cell starting with =, +,
// @, - (or a tab or carriage return) is run as a formula when an exported CSV
// is opened in a spreadsheet (CSV injection, as OWASP lists it), so it is
// refused at the door; a negative number is only a number.
import { plainNumberOf } from './read-number.ts';

export const MAX_CELL_LENGTH = 1000;

export type CellHazard = { readonly reason: string; readonly suggestion?: string };

export function cellHazard(cell: string, maxLength = MAX_CELL_LENGTH): CellHazard | undefined {
  if (cell.length > maxLength) {
    return { reason: `the cell is ${cell.length} characters long; at most ${maxLength} are allowed` };
  }
  const trimmed = cell.trimStart();
  const first = trimmed.charAt(0);
  // After a minus sign, only what reads as a calculation is a formula: '-5' is a number, '-Infinity' merely not a finite one.
  const minusFormula = first === '-' && plainNumberOf(trimmed.trim()) === undefined && /[=+\-*/()|!&@]/.test(trimmed.slice(1));
  const formula = first === '=' || first === '+' || first === '@' || minusFormula;
  if (formula || cell.startsWith('\t') || cell.startsWith('\r')) {
    const plain = (formula && first !== '-' ? trimmed.slice(1) : trimmed).trim();
    const suggestion = plainNumberOf(plain) !== undefined ? plain : undefined;
    return { reason: `'${truncate(cell)}' looks like a spreadsheet formula`, ...(suggestion ? { suggestion } : {}) };
  }
  return undefined;
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
