// What a sign-off froze, read back: the agreement and its targets exactly as
// signed. While an agreement is in its refresh, those who may not read its
// drafts are shown this, not the working copy, until the next sign-off.
import type { Agreement } from './agreements.ts';
import type { Db } from './store.ts';
import type { StoredTarget } from './targets.ts';

export interface SignedVersion {
  readonly version: number;
  readonly agreement: Agreement;
  readonly targets: readonly StoredTarget[];
}

interface Snapshot {
  readonly agreement: Agreement & { updatedAt: string };
  readonly targets: readonly (StoredTarget & { updatedAt: string })[];
}

/** The latest signed version of each agreement that has one. */
export async function latestSignedVersions(sql: Db, agreementIds: readonly number[]): Promise<Map<number, SignedVersion>> {
  if (agreementIds.length === 0) return new Map();
  const rows = await sql<{ agreementId: number; version: number; snapshot: Snapshot }[]>`
    select distinct on (agreement_id) agreement_id as "agreementId", version, snapshot
    from agreement_version where agreement_id = any(${sql.array([...agreementIds])}::int[]) order by agreement_id, version desc`;
  return new Map(rows.map((row) => [row.agreementId, revived(row.version, row.snapshot)]));
}

/** The snapshot's instants, which JSON kept as text, as dates again. */
function revived(version: number, snapshot: Snapshot): SignedVersion {
  return {
    version,
    agreement: { ...snapshot.agreement, updatedAt: new Date(snapshot.agreement.updatedAt) },
    targets: snapshot.targets.map((t) => ({ ...t, updatedAt: new Date(t.updatedAt) })),
  };
}
