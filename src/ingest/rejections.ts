// Collecting an import's rejections, and the error for a file that cannot
// load at all.
import { formatRejection, type Rejection } from '../domain/batch/index.ts';

/** A problem with the whole file (no header, a missing column, not UTF-8): nothing in it can load. */
export class RejectionError extends Error {
  constructor(readonly fileName: string, readonly rejection: Rejection) {
    super(formatRejection(fileName, rejection));
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
