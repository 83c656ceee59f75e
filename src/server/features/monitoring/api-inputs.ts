// The monitoring views' inputs: which region's agreements, England when none.
import { fromQuery, gssCode, z } from '../../platform/http/input-schema.ts';

export const monitoringQuery = z.object({
  region: fromQuery(gssCode()).describe("A region's GSS code; England when absent."),
});
