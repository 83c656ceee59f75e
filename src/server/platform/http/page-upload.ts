// A page's form with a file (multipart/form-data), read whole before any
// route runs, so that the CSRF check finds the form's token as it does in any
// other form. A page upload is a small file a person chose (a targets file),
// so it is held in memory up to a limit; the API streams its large uploads
// to disk instead (upload-spool.ts).
import busboy from 'busboy';
import type { NextFunction, Request, Response } from 'express';
import { HttpError } from './http-error.ts';

/** A file sent with a page's form. */
export interface PageFile {
  readonly fileName: string;
  readonly content: Buffer;
}

/** 20 MB: a targets file of a whole region is a few. */
export const PAGE_UPLOAD_BYTES = 20 * 1024 ** 2;

export function isPageFile(value: unknown): value is PageFile {
  return typeof value === 'object' && value !== null && Buffer.isBuffer((value as PageFile).content);
}

/** Reads the form's fields and its one file into req.body; a file past the limit, or a second one, is refused (413, 400). */
export function readPageUpload(req: Request, _res: Response, next: NextFunction, limit = PAGE_UPLOAD_BYTES): void {
  const fields: Record<string, unknown> = {};
  let refused: HttpError | undefined;
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, limits: { fileSize: limit, files: 1, fields: 200, fieldSize: 100 * 1024 } });
  } catch {
    next(new HttpError(400, 'bad_request', 'the form could not be read: send it as multipart/form-data with its boundary'));
    return;
  }
  parser.on('field', (name, value) => {
    fields[name] = value;
  });
  parser.on('file', (name, stream, info) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('limit', () => {
      refused = new HttpError(413, 'file_too_large', `'${name}': ${info.filename} is larger than ${limit / 1024 ** 2} MB`);
    });
    stream.on('close', () => {
      if (info.filename) fields[name] = { fileName: info.filename, content: Buffer.concat(chunks) } satisfies PageFile;
    });
  });
  parser.on('filesLimit', () => {
    refused = new HttpError(400, 'bad_request', 'send one file at a time');
  });
  parser.on('error', (error: Error) => next(new HttpError(400, 'bad_request', `the form could not be read: ${error.message}`)));
  parser.on('close', () => {
    req.body = fields;
    next(refused);
  });
  req.pipe(parser);
}
