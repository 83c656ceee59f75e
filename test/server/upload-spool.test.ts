// Receiving an upload whole before it is imported: the whole body comes back
// from the temporary file; a body over the limit, one that stalls and one cut
// short are each refused with their kind, and leave no file behind.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { RejectionError } from '../../src/ingest/rejections.ts';
import { spoolUpload } from '../../src/server/platform/http/upload-spool.ts';

const LIMITS = { maxBytes: 1000, idleMilliseconds: 200 };

function spoolFolders(): string[] {
  return fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('lantern-upload-'));
}

async function refusal(promise: Promise<unknown>): Promise<RejectionError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof RejectionError, `refused: ${String(error)}`);
  return error;
}

describe('spoolUpload(fileName, body, limits)', () => {
  it('gives back the whole body from a temporary file, removed by discard()', async () => {
    const body = new PassThrough();
    const spooled = spoolUpload('a.csv', body, LIMITS);
    body.write('metric,area\n');
    setTimeout(() => body.end('x,y\n'), 50);
    const upload = await spooled;
    assert.equal(upload.bytes, 16);
    const chunks: Buffer[] = [];
    for await (const chunk of upload.open()) chunks.push(chunk as Buffer);
    assert.equal(Buffer.concat(chunks).toString(), 'metric,area\nx,y\n');
    const before = spoolFolders().length;
    await upload.discard();
    assert.equal(spoolFolders().length, before - 1);
  });

  it('refuses a body over the limit as too_large', async () => {
    const body = new PassThrough();
    const spooled = spoolUpload('big.csv', body, LIMITS);
    body.write(Buffer.alloc(1001));
    const error = await refusal(spooled);
    assert.equal(error.refusal, 'too_large');
    assert.equal(error.message, 'big.csv: the upload is over 0 MB, the most Lantern receives (did you mean split the file?)');
  });

  it('refuses a body that stops arriving as stalled, after the idle time', async () => {
    const before = spoolFolders().length;
    const body = new PassThrough();
    const started = performance.now();
    const spooled = spoolUpload('slow.csv', body, LIMITS);
    body.write('metric,area\n');
    const error = await refusal(spooled);
    assert.equal(error.refusal, 'stalled');
    assert.match(error.message, /^slow\.csv: the upload stalled: no bytes came for 0\.2 seconds after the first 12$/);
    assert.ok(performance.now() - started >= 190);
    assert.equal(spoolFolders().length, before, 'no temporary file left behind');
  });

  it('refuses a body whose client went away as stalled (cut short)', async () => {
    const body = new PassThrough();
    const spooled = spoolUpload('gone.csv', body, LIMITS);
    body.write('metric');
    body.destroy();
    const error = await refusal(spooled);
    assert.equal(error.refusal, 'stalled');
    assert.match(error.message, /cut short/);
  });
});
