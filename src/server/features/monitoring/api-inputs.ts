// The monitoring views' inputs: which region's agreements, England when none;
// which metric's targets; which area's targets off trajectory; which partner.
import { fromQuery, gssCode, metricCode, recordId, z } from '../../platform/http/input-schema.ts';

export const monitoringQuery = z.object({
  region: fromQuery(gssCode()).describe("A region's GSS code; England when absent."),
});

export const metricPath = z.object({ code: metricCode().describe('Metric code, such as obesity.') });

export const areaPath = z.object({ code: gssCode().describe("The council's GSS code, such as E06000047.") });

export const partnerPath = z.object({ id: recordId('partner').describe("A partner's id, as an agreement lists its partners.") });
