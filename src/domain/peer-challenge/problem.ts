// What a peer challenge rule finds wrong with what it was given: the field,
// named as a form or the API names it, and a sentence a form can show beside
// it. Every refusal of issue 21 is one of these, never a bare exception.
export interface Problem {
  readonly field: string;
  readonly message: string;
}

export function problem(field: string, message: string): Problem {
  return { field, message: `'${field}': ${message}` };
}
