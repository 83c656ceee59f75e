// POST /api/imports after its parameters are read: the body is received whole
// (platform/http/upload-spool.ts) before the import or dry run reads it, every
// import is in the audit trail (imports.ts, as `lantern import` too), and a file Lantern cannot read is answered
// with its own status and code, with the batch that records it:
// 415 unreadable_file, 413 file_too_large, 400 malformed_file, 408 upload_stalled.
import type { Request, Response } from 'express';
import { formatRejection } from '../../../domain/batch/index.ts';
import { dryRunFile } from '../../../ingest/dry-run.ts';
import type { ImportRequest, ImportResult } from '../../../ingest/import-file.ts';
import { RejectionError, type FileRefusal } from '../../../ingest/rejections.ts';
import { getBatch } from '../../../store/batches.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf } from '../../platform/access/index.ts';
import { spoolUpload, UPLOAD_LIMITS, type SpooledUpload, type UploadLimits } from '../../platform/http/upload-spool.ts';
import { importAs, refuseAs } from './imports.ts';

const REFUSALS: Readonly<Record<FileRefusal, { readonly status: number; readonly code: string }>> = {
  unreadable: { status: 415, code: 'unreadable_file' },
  too_large: { status: 413, code: 'file_too_large' },
  malformed: { status: 400, code: 'malformed_file' },
  stalled: { status: 408, code: 'upload_stalled' },
};

/** Receives the upload named by `request`, then imports it (or dry-runs it) and answers. */
export async function receiveImport(sql: Sql, req: Request, res: Response, request: Omit<ImportRequest, 'input'>, dryRun: boolean, limits: UploadLimits = UPLOAD_LIMITS): Promise<void> {
  const access = accessOf(res);
  void access.actor; // who and from where, read now: a refused upload's connection may be gone by the time it is audited
  let upload: SpooledUpload;
  try {
    upload = await spoolUpload(request.fileName, req, limits);
  } catch (error) {
    if (!(error instanceof RejectionError)) throw error;
    res.set('Connection', 'close'); // the rest of the body is not read
    await answer(sql, res, request.fileName, await refuseAs(sql, access, request, error));
    return;
  }
  try {
    if (dryRun) {
      const run = await dryRunFile(sql, { ...request, input: upload.open() });
      res.json({ ...run, rejections: run.rejections.slice(0, 1000).map((r) => ({ ...r, message: formatRejection(request.fileName, r) })) });
      return;
    }
    await answer(sql, res, request.fileName, await importAs(sql, access, { ...request, input: upload.open() }));
  } finally {
    await upload.discard();
  }
}

async function answer(sql: Sql, res: Response, fileName: string, result: ImportResult): Promise<void> {
  const rejections = result.rejections.slice(0, 1000).map((r) => ({ ...r, message: formatRejection(fileName, r) }));
  if (result.refusal) {
    const { status, code } = REFUSALS[result.refusal];
    const batch = await getBatch(sql, result.batchId);
    const message = rejections[0]?.message ?? batch?.message ?? `${fileName}: the file cannot be read`;
    res.status(status).json({ status, code, message, batchId: result.batchId, rejections });
    return;
  }
  res.status(result.status === 'loaded' ? 201 : 422).json({ ...result, rejections });
}
