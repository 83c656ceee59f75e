// The log of changes made to an agreement's own fields in its annual
// refresh, beside target_change's log of its targets': each with its old and
// new values, reason, proposer, approver and date. Only ever added to (the
// migration's triggers refuse the rest).
import type { Db } from './store.ts';

export interface AgreementChange {
  readonly version: number;
  readonly field: string;
  readonly oldValue: unknown;
  readonly newValue: unknown;
  readonly reason: string;
  readonly proposedBy: string;
  readonly approvedBy: string;
  readonly changedOn: string;
}

export async function recordAgreementChanges(sql: Db, agreementId: number, changes: readonly AgreementChange[], who: string): Promise<void> {
  for (const c of changes) {
    await sql`
      insert into agreement_change (agreement_id, version, field, old_value, new_value, reason, proposed_by, approved_by, changed_on, recorded_by)
      values (${agreementId}, ${c.version}, ${c.field}, ${sql.json((c.oldValue ?? null) as never)}, ${sql.json((c.newValue ?? null) as never)},
        ${c.reason}, ${c.proposedBy}, ${c.approvedBy}, ${c.changedOn}, ${who})`;
  }
}

/** The agreement's changes, oldest first. */
export function agreementChangesOf(sql: Db, agreementId: number): Promise<AgreementChange[]> {
  return sql<AgreementChange[]>`
    select version, field, old_value as "oldValue", new_value as "newValue", reason, proposed_by as "proposedBy",
      approved_by as "approvedBy", changed_on::text as "changedOn"
    from agreement_change where agreement_id = ${agreementId} order by id`;
}
