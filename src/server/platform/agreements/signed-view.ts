// An agreement as each viewer reads it. While it is in its annual refresh,
// its council, partners and those who oversee agreements read the working
// copy (each such read audited, as a draft's is); everyone else reads the
// version last signed off, agreement and targets, until the refresh is
// signed off in turn: a refresh's edits are not public before they are agreed.
import type { Agreement } from '../../../store/agreements.ts';
import { latestSignedVersions } from '../../../store/signed-versions.ts';
import type { Sql } from '../../../store/store.ts';
import type { StoredTarget } from '../../../store/targets.ts';
import type { RequestAccess } from '../access/request-access.ts';
import { draftRecord } from './agreement-record.ts';

export interface ShownAgreement {
  readonly agreement: Agreement;
  readonly targets: readonly StoredTarget[];
  /** The version shown as signed, when the viewer does not read the refresh under way; null otherwise. */
  readonly asSigned: number | null;
}

/** The agreements and targets as the viewer reads them: those in refresh that the viewer may not read as drafts, as last signed. */
export async function shownToViewer(sql: Sql, access: RequestAccess, agreements: readonly Agreement[], targets: readonly StoredTarget[]): Promise<ShownAgreement[]> {
  const refreshing = agreements.filter((a) => a.status === 'in_refresh');
  const working = new Set((await access.reveal(refreshing, draftRecord, (a) => String(a.id), 'working copy in refresh')).map((a) => a.id));
  return withSigned(sql, agreements, targets, (a) => !working.has(a.id));
}

/** As the public reads them, for pages kept once for everyone and published reports: in a refresh, as last signed. */
export function shownToThePublic(sql: Sql, agreements: readonly Agreement[], targets: readonly StoredTarget[]): Promise<ShownAgreement[]> {
  return withSigned(sql, agreements, targets, () => true);
}

async function withSigned(sql: Sql, agreements: readonly Agreement[], targets: readonly StoredTarget[], asSigned: (a: Agreement) => boolean): Promise<ShownAgreement[]> {
  const signed = await latestSignedVersions(
    sql,
    agreements.filter((a) => a.status === 'in_refresh' && asSigned(a)).map((a) => a.id),
  );
  // Each agreement's targets by key: monitoring for England passes 400 agreements and 20,000 targets.
  const byAgreement = new Map<number, StoredTarget[]>();
  for (const target of targets) {
    const own = byAgreement.get(target.agreementId);
    if (own) own.push(target);
    else byAgreement.set(target.agreementId, [target]);
  }
  return agreements.map((agreement) => {
    const version = signed.get(agreement.id);
    if (!version) return { agreement, targets: byAgreement.get(agreement.id) ?? [], asSigned: null };
    // Status stays the live one, so that a reader knows a refresh is under way; the rest is as signed.
    return { agreement: { ...agreement, ...version.agreement, status: agreement.status }, targets: version.targets, asSigned: version.version };
  });
}
