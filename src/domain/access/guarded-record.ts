// What the access policy needs to know of a record, whatever its kind: its
// classification, whom it is about and held by, who wrote it, with whom it is
// shared, and its embargo. Repositories describe their rows in these terms;
// the policy never sees the rows themselves.
import type { Classification } from './classification.ts';
import type { RecordKind } from './record-kind.ts';

export interface GuardedRecord {
  readonly kind: RecordKind;
  readonly classification: Classification;
  /** The council (area GSS code) the record is about, if it is about one. */
  readonly subjectArea: string | null;
  /** Whether the council it is about may read it (early-sight data, the log of shares about it). */
  readonly subjectReads: boolean;
  /** The organisation that holds the record: a restricted record is open to its members. */
  readonly ownerOrganisation: number | null;
  /** The user who wrote it; null for records no one person owns (the data hub's). */
  readonly author: number | null;
  readonly sharedWithOrganisations: readonly number[];
  readonly sharedWithUsers: readonly number[];
  /** Early sight: the instant (ms since 1970) from which the record is public; null for none. */
  readonly embargoUntil: number | null;
  /** Whether it may be shared at all: an intelligence item needs its evidence first. */
  readonly shareable: boolean;
}

const NONE: readonly number[] = Object.freeze([]);

/** A record of a kind, with every field not given at its narrowest: no subject, no owner, no shares. */
export function guardedRecord(kind: RecordKind, classification: Classification, fields: Partial<Omit<GuardedRecord, 'kind' | 'classification'>> = {}): GuardedRecord {
  return {
    kind,
    classification,
    subjectArea: fields.subjectArea ?? null,
    subjectReads: fields.subjectReads ?? false,
    ownerOrganisation: fields.ownerOrganisation ?? null,
    author: fields.author ?? null,
    sharedWithOrganisations: fields.sharedWithOrganisations ?? NONE,
    sharedWithUsers: fields.sharedWithUsers ?? NONE,
    embargoUntil: fields.embargoUntil ?? null,
    shareable: fields.shareable ?? false,
  };
}
