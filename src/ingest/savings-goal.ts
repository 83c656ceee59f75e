// The savings goal kept with Lantern (data/support-offer/savings-goal.json,
// see its PROVENANCE.md), read by the domain's reader. A goal it refuses is
// an error naming the file, since the file is Lantern's own.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSavingsGoal, type SavingsGoal } from '../domain/savings/index.ts';

export const SAVINGS_GOAL_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'support-offer', 'savings-goal.json');

let kept: SavingsGoal | undefined;

/** The goal in `file`, read once per process for the kept file. */
export function keptSavingsGoal(file = SAVINGS_GOAL_FILE): SavingsGoal {
  if (file === SAVINGS_GOAL_FILE && kept) return kept;
  const read = readSavingsGoal(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (read.kind === 'invalid') throw new Error(`${path.basename(file)}: ${read.problems.map((p) => p.message).join('; ')}`);
  if (file === SAVINGS_GOAL_FILE) kept = read.goal;
  return read.goal;
}
