// "No automatic red flag where the issue is known and being dealt with" (the
// 2009 Comprehensive Area Assessment's rule): an adviser may acknowledge a
// flag, with a reason, and it stays muted until what it read changes. A new
// period, a revised figure or a new version of the rule unmutes it, because
// each changes the flag's fingerprint.
import { fingerprintOf, type Flag } from './flag.ts';

export interface Acknowledgement {
  readonly fingerprint: string;
  readonly reason: string;
  readonly by: string;
  readonly on: string;
}

export type ShownFlag = Flag & { readonly muted: Acknowledgement | null };

/** Each flag with the acknowledgement that mutes it, if one was made of exactly what it reads now. */
export function withMuting(flags: readonly Flag[], acknowledged: readonly Acknowledgement[]): ShownFlag[] {
  const byPrint = new Map(acknowledged.map((a) => [a.fingerprint, a]));
  return flags.map((flag) => ({ ...flag, muted: byPrint.get(fingerprintOf(flag)) ?? null }));
}
