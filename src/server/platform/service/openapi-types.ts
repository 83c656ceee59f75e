// The JSON Schema types the fields of Lantern's API are made of, each
// written once for every feature's part of the OpenAPI document: the plain
// types, an object with the fields it always has, and a schema by its name.
export const nullable = (type: string) => ({ type: [type, 'null'] });
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
/** The plain types most fields are: each a schema of its own, written once. */
export const text = { type: 'string' };
export const nullableText = nullable('string');
export const integer = { type: 'integer' };
export const number = { type: 'number' };
export const boolean = { type: 'boolean' };
export const day = { type: 'string', format: 'date' };
export const instant = { type: 'string', format: 'date-time' };
export const nullableDay = { ...nullable('string'), format: 'date' };
export const nullableInstant = { ...nullable('string'), format: 'date-time' };
/** An object whose fields the document does not list. */
export const anyObject = { type: 'object' };
/** Lists of text, and of objects whose fields the document does not list. */
export const textList = { type: 'array', items: text };
export const objectList = { type: 'array', items: anyObject };
/** An object with its fields, and those it always has. */
export const object = (required: readonly string[], properties: object) => ({ type: 'object', required, properties });
/** A council or other area as an answer names it: its code and name. */
export const codeAndName = { type: 'object', properties: { code: text, name: text } };
