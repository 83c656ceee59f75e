// "Did you mean …?": the candidate nearest to what was typed, by edit
// distance (Levenshtein), offered only when it is near enough to be a likely
// slip (at most a third of the text's length apart) rather than a guess.
import { distance } from 'fastest-levenshtein';

export interface Candidate {
  /** What the user should have written. */
  readonly key: string;
  /** Shown beside it (a name); also matched against what was typed. */
  readonly label?: string;
}

export function closestMatch(typed: string, candidates: Iterable<Candidate>): Candidate | undefined {
  const wanted = typed.trim().toLowerCase();
  if (wanted === '') return undefined;
  let best: Candidate | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = Math.min(distance(wanted, candidate.key.toLowerCase()), candidate.label === undefined ? Infinity : distance(wanted, candidate.label.toLowerCase()));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(wanted.length / 3)) ? best : undefined;
}

/** "E06000047 County Durham": how a suggestion reads in a message. */
export function describeCandidate(candidate: Candidate): string {
  return candidate.label ? `${candidate.key} ${candidate.label}` : candidate.key;
}
