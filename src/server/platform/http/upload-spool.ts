// An upload is received whole before it is imported. The body goes to a
// temporary file, counted against a limit and watched for stalls, so that the
// batch takes the store's write turn only once every byte is here: a slow or
// stalled client holds up nothing but its own request. A refusal leaves the
// request's socket open, so that the answer can still be sent on it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { RejectionError } from '../../../ingest/rejections.ts';

export interface UploadLimits {
  /** The largest body received. */
  readonly maxBytes: number;
  /** The longest wait for the client's next bytes before the upload is refused as stalled. */
  readonly idleMilliseconds: number;
}

/** A 1 GB file at most (a spreadsheet or JSON file has its own, smaller limit); 30 seconds without a byte is a stall. */
export const UPLOAD_LIMITS: UploadLimits = Object.freeze({ maxBytes: 1024 ** 3, idleMilliseconds: 30_000 });

export interface SpooledUpload {
  readonly bytes: number;
  /** The body, read back from the temporary file. */
  open(): Readable;
  /** Removes the temporary file. */
  discard(): Promise<void>;
}

/** Receives the whole body; throws RejectionError (too_large or stalled) where it cannot. */
export async function spoolUpload(fileName: string, body: Readable, limits: UploadLimits = UPLOAD_LIMITS): Promise<SpooledUpload> {
  const folder = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'lantern-upload-'));
  const file = path.join(folder, 'body');
  const discard = () => fs.promises.rm(folder, { recursive: true, force: true });
  try {
    const bytes = await receive(fileName, body, fs.createWriteStream(file), limits);
    return { bytes, open: () => fs.createReadStream(file), discard };
  } catch (error) {
    await discard();
    throw error;
  }
}

function receive(fileName: string, body: Readable, out: fs.WriteStream, limits: UploadLimits): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let bytes = 0;
    let timer: NodeJS.Timeout | undefined;
    const watch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => stop(stalled(fileName, bytes, limits)), limits.idleMilliseconds);
    };
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limits.maxBytes) return stop(tooLarge(fileName, limits));
      watch();
      if (!out.write(chunk)) body.pause();
    };
    const onDrain = () => {
      watch();
      body.resume();
    };
    const onEnd = () => stop();
    const onClose = () => stop(cutShort(fileName, bytes));
    const onError = (error: Error) => stop(error);
    function stop(error?: Error): void {
      clearTimeout(timer);
      body.off('data', onData).off('end', onEnd).off('close', onClose).off('error', onError);
      out.off('drain', onDrain);
      if (error) {
        body.pause(); // the rest of the body is left unread; the answer says why
        out.destroy();
        reject(error);
      } else {
        out.end(() => resolve(bytes));
      }
    }
    body.on('data', onData).on('end', onEnd).on('close', onClose).on('error', onError);
    out.on('drain', onDrain).on('error', onError);
    watch();
    if (body.destroyed) stop(cutShort(fileName, bytes)); // gone while the temporary folder was made
  });
}

function tooLarge(fileName: string, limits: UploadLimits): RejectionError {
  return new RejectionError(
    fileName,
    {
      line: 0,
      reason: `the upload is over ${Math.round(limits.maxBytes / 1024 ** 2)} MB, the most Lantern receives`,
      suggestion: 'split the file',
    },
    'too_large',
  );
}

function stalled(fileName: string, bytes: number, limits: UploadLimits): RejectionError {
  return new RejectionError(
    fileName,
    {
      line: 0,
      reason: `the upload stalled: no bytes came for ${limits.idleMilliseconds / 1000} seconds after the first ${bytes.toLocaleString('en-GB')}`,
    },
    'stalled',
  );
}

function cutShort(fileName: string, bytes: number): RejectionError {
  return new RejectionError(
    fileName,
    {
      line: 0,
      reason: `the upload was cut short: the client closed the connection after ${bytes.toLocaleString('en-GB')} bytes`,
    },
    'stalled',
  );
}
