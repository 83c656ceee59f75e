// Importing a file, as the API's upload and `lantern import` both do it: the
// one import path (src/ingest/import-file.ts) runs it as one batch, and the
// batch, loaded, rejected or refused, goes into the audit trail in the
// transaction that ends it, in the same words whoever imported it: a person,
// or `cli:<login>` at the console. The route's rule (changes('import_batch'))
// or the console's keys are the decision: a batch is no record the policy
// guards.
import { importFile, refuseFile, type BatchOutcome, type ImportRequest, type ImportResult } from '../../../ingest/import-file.ts';
import type { RejectionError } from '../../../ingest/rejections.ts';
import type { Sql } from '../../../store/store.ts';
import type { RequestAccess } from '../../platform/access/request-access.ts';

/** Imports a file as one batch, audited in the batch's own transaction. */
export async function importAs(sql: Sql, access: RequestAccess, request: ImportRequest): Promise<ImportResult> {
  return importFile(sql, { ...request, audit: auditOf(access, request.fileName) });
}

/** Records a file refused before it could be read as rows (too large, stalled, not a table) as a rejected batch, and audits it. */
export async function refuseAs(sql: Sql, access: RequestAccess, request: Parameters<typeof refuseFile>[1], error: RejectionError): Promise<ImportResult> {
  return refuseFile(sql, { ...request, audit: auditOf(access, request.fileName) }, error);
}

function auditOf(access: RequestAccess, fileName: string): NonNullable<ImportRequest['audit']> {
  return async (tx, batch: BatchOutcome) => {
    const summary = `import of ${fileName}: ${batch.status}, ${batch.inserted} inserted, ${batch.revised} revised, ${batch.rejected} rejected`;
    await access.audit(tx, 'change', 'import_batch', String(batch.batchId), summary);
  };
}
