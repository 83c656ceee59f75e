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

/** ISO days compare as text; a day Lantern cannot read is not a day. */
export function isIsoDay(text: unknown): text is string {
  return typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
}
