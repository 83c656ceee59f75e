// An operation's inputs in the OpenAPI document, made from the schemas the
// routes check them with (platform/http/input-schema.ts): each field of a
// query or path schema is a parameter, with its description, whether it is
// required and its JSON Schema as the route reads it; a body schema is the
// request body. What is checked and what is documented cannot drift apart.
import { z } from '../http/input-schema.ts';

type JsonSchema = { properties?: Record<string, Record<string, unknown>>; required?: string[]; $schema?: string };

function jsonSchema(schema: z.ZodType): JsonSchema {
  const made = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  delete made.$schema; // the document's own dialect applies
  return made;
}

function parameters(where: 'query' | 'path', schema: z.ZodObject): object[] {
  const { properties = {}, required = [] } = jsonSchema(schema);
  return Object.entries(properties).map(([name, { description, ...rest }]) => ({
    name,
    in: where,
    required: where === 'path' || required.includes(name),
    ...(description === undefined ? {} : { description }),
    schema: rest,
  }));
}

/** The query parameters an operation takes, from the schema its route checks them with. */
export const queryParameters = (schema: z.ZodObject) => parameters('query', schema);

/** The path parameters an operation takes, from the schema its route checks them with. */
export const pathParameters = (schema: z.ZodObject) => parameters('path', schema);

/** A JSON request body, from the schema its route checks it with. */
export const jsonBody = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema: jsonSchema(schema) } } });
