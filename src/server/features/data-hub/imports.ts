// Importing a file, as the API's upload and `lantern import` both do it: the
// one import path (src/ingest/import-file.ts) runs it as one batch, and the
// batch, loaded, rejected or refused, goes into the audit trail in the same
// words, naming whoever imported it: a person, or `cli:<login>` at the
// console. The route's rule (changes('import_batch')) or the console's keys
// are the decision: a batch is no record the policy guards.
import { importFile, refuseFile, type ImportRequest, type ImportResult } from '../../../ingest/import-file.ts';
import type { RejectionError } from '../../../ingest/rejections.ts';
import type { Sql } from '../../../store/store.ts';
import type { RequestAccess } from '../../platform/access/request-access.ts';

/** Imports a file as one batch, and audits the batch. */
export async function importAs(sql: Sql, access: RequestAccess, request: ImportRequest): Promise<ImportResult> {
  return audited(sql, access, request.fileName, await importFile(sql, request));
}

/** Records a file refused before it could be read as rows (too large, stalled, not a table) as a rejected batch, and audits it. */
export async function refuseAs(sql: Sql, access: RequestAccess, request: Parameters<typeof refuseFile>[1], error: RejectionError): Promise<ImportResult> {
  return audited(sql, access, request.fileName, await refuseFile(sql, request, error));
}

async function audited(sql: Sql, access: RequestAccess, fileName: string, result: ImportResult): Promise<ImportResult> {
  const summary = `import of ${fileName}: ${result.status}, ${result.inserted} inserted, ${result.revised} revised, ${result.rejected} rejected`;
  await access.audit(sql, 'change', 'import_batch', String(result.batchId), summary);
  return result;
}
