// A rejection: one row (or the whole file) of an import batch that could not
// be loaded, with its line, column and reason, and what was probably meant.
export interface Rejection {
  readonly line: number;
  readonly column?: string;
  readonly value?: string;
  readonly reason: string;
  readonly suggestion?: string;
}

/** "active_adults.csv:12: column 'value': 'abc' is not a number (did you mean 12.5?)" */
export function formatRejection(fileName: string, rejection: Rejection): string {
  const column = rejection.column ? ` column '${rejection.column}':` : '';
  const suggestion = rejection.suggestion ? ` (did you mean ${rejection.suggestion}?)` : '';
  return `${fileName}:${rejection.line}:${column} ${rejection.reason}${suggestion}`;
}
