// Collecting an import's rejections, and the error for a file that cannot
// load at all.
import { formatRejection, type Rejection } from '../domain/batch/index.ts';

/**
 * Why a file could not be read at all, where that is more than a wrong
 * header: text Lantern cannot decode or a format it does not read
 * (`unreadable`), a file, record or upload over its limit (`too_large`),
 * text that is not well-formed CSV or JSON (`malformed`), an upload that
 * stopped arriving (`stalled`). The API answers each with its own status.
 */
export type FileRefusal = 'unreadable' | 'too_large' | 'malformed' | 'stalled';

/** A problem with the whole file (no header, a missing column, not UTF-8): nothing in it can load. */
export class RejectionError extends Error {
  /** A rejection on line 0 is of the whole upload, before any line of it was read. */
  constructor(
    readonly fileName: string,
    readonly rejection: Rejection,
    readonly refusal?: FileRefusal,
  ) {
    super(rejection.line > 0 ? formatRejection(fileName, rejection) : formatRejection(fileName, rejection).replace(`${fileName}:0:`, `${fileName}:`));
  }
}

/**
 * Rejections kept for the batch, and the rows they came from. Past the cap
 * only the count of rows grows: a file of a million bad rows is told by its first
 * hundred thousand problems.
 */
export class RejectionList {
  readonly kept: Rejection[] = [];
  rows = 0;

  constructor(private readonly cap = 100_000) {}

  addRow(rejections: readonly Rejection[]): void {
    this.rows++;
    for (const rejection of rejections) {
      if (this.kept.length < this.cap) this.kept.push(rejection);
    }
  }
}
