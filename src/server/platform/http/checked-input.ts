// The one shape of a form's problems: each names its field and says what is
// wrong, as the pages show it (in the error summary, linked to the field).
// A use-case refuses input with a 400 (or a 409, for a name or address
// already taken) whose message names the field as 'field', or whose details
// list the problems; the API sends that as it is, and a page asks
// problemsOf for the form's problems and shows the form again.
import { HttpError } from './http-error.ts';

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * A refusal of the input as the form's problems; anything else is not the
 * form's fault and goes on. An item of a list is the list's field
 * (`evidence[0].url` is `evidence`); `fieldOf` names a form's own field where
 * it differs from the use-case's.
 */
export function problemsOf(error: unknown, fieldOf: (field: string) => string = (field) => field): FieldProblem[] {
  if (!(error instanceof HttpError) || (error.status !== 400 && error.status !== 409)) throw error;
  const details = error.details as { problems?: FieldProblem[] } | undefined;
  return (details?.problems ?? [{ field: /'(\w+)/.exec(error.message)?.[1] ?? '', message: error.message }]).map((p) => ({
    field: fieldOf(p.field.replace(/\[(\d+)\].*/, '')),
    message: capitalise(p.message),
  }));
}

/** Refuses input with its problems: a 400 whose message says them all, and whose details list them for a page. */
export function invalidInput(problems: readonly FieldProblem[]): HttpError {
  return new HttpError(400, 'bad_request', problems.map((p) => p.message).join('; '), { problems });
}

/** The problems of a refusal by invalidInput, as the use-case worded them, for a form that shows each beside its own field. */
export function problemsAsGiven(error: unknown): readonly FieldProblem[] {
  const problems = error instanceof HttpError && error.status === 400 ? (error.details as { problems?: FieldProblem[] } | undefined)?.problems : undefined;
  if (!problems) throw error;
  return problems;
}

/** A form's problems as its template shows them: the error summary's list, and by field the message shown beside it. */
export function shownProblems(problems: readonly FieldProblem[]) {
  return { problems, errors: errorsOf(problems) };
}

/** Each field's first problem, for the message beside it: the one the error summary lists first. */
export function errorsOf(problems: readonly FieldProblem[]): Record<string, { text: string }> {
  return Object.fromEntries([...problems].reverse().map((p) => [p.field, { text: p.message }]));
}

/** A message as a sentence on a page: the API's messages begin in lower case. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
