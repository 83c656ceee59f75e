// The timeline's path, one schema: the routes read the council's code from
// it and the OpenAPI document describes the parameter from it.
import { gssCode, z } from '../../platform/http/input-schema.ts';

export const timelinePath = z.object({ code: gssCode().describe('Council GSS code.') });
