// Early-sight releases, as administrators manage them: the instant a
// metric's observations become public, and the partners named to see them
// before then, each change with its audit event.
import { guardedRecord } from '../../../domain/access/index.ts';
import { getMetric } from '../../../store/catalogue.ts';
import { earlySightReleases, setEmbargo, tellHere } from '../../../store/early-sight.ts';
import type { Sql } from '../../../store/store.ts';
import { observationRecord } from '../../platform/access/observations.ts';
import type { RequestAccess } from '../../platform/access/request-access.ts';
import { shareWith, stopSharing, type SharedRecord } from '../../platform/access/shares.ts';
import { badRequest, notFound } from '../../platform/http/http-error.ts';
import { checked } from '../../platform/http/input-schema.ts';
import { embargoBody } from './api-inputs.ts';

/** The early-sight metric the path names, and its release as it is shared. */
async function releaseOf(sql: Sql, codeText: string) {
  const code = /^[a-z0-9][a-z0-9-]{0,99}$/.test(codeText) ? codeText : undefined;
  const metric = code === undefined ? undefined : await getMetric(sql, code);
  if (!metric) throw notFound(`there is no metric with the code '${codeText.slice(0, 100)}'`);
  if (metric.status !== 'early_sight') throw badRequest(`${metric.code} is not an early-sight metric (its status is ${metric.status})`);
  const release = (await earlySightReleases(sql, [metric.code])).get(metric.code);
  const shared: SharedRecord = { kind: 'observation', id: metric.code, subjectArea: null, guarded: observationRecord('early_sight', release, null), label: `early-sight release of ${metric.code}` };
  return { code: metric.code, shared };
}

export async function setRelease(sql: Sql, access: RequestAccess, codeText: string, body: Record<string, unknown>) {
  const { code } = await releaseOf(sql, codeText);
  access.require('change', guardedRecord('metric', 'public'), `metric ${code}`);
  const { embargoUntil: until } = checked(embargoBody, body);
  const change = await sql.begin(async (tx) => {
    const set = await setEmbargo(tx, code, until);
    await access.audit(tx, 'change', 'metric', code, until ? `embargo until ${until.toISOString()}` : 'embargo end removed');
    return set;
  });
  // Every server hears of it by notification; this one at once, for the request that follows.
  if (change) tellHere(sql, change);
  return { metric: code, embargoUntil: until };
}

/** Names a partner of a release: shares its observations with them, saying why. */
export async function shareRelease(sql: Sql, access: RequestAccess, codeText: string, body: Record<string, unknown>) {
  return shareWith(sql, access, (await releaseOf(sql, codeText)).shared, body);
}

/** Stops sharing a release with a partner, saying why. */
export async function unshareRelease(sql: Sql, access: RequestAccess, codeText: string, shareId: number, body: Record<string, unknown>) {
  return stopSharing(sql, access, (await releaseOf(sql, codeText)).shared, shareId, body);
}
