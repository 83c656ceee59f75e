// A refusal of a return's input: the field it names and, for a file, the line
// it is on (the header is line 1), so that the person can find and fix it.
export interface ReturnProblem {
  readonly field: string;
  readonly message: string;
  readonly line?: number;
}
