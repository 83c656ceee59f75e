// Totals of savings that never mix what is estimated with what is proven: a
// sum is given per status, and the one figure that joins two, "with
// evidence", joins only the evidenced and the verified. There is no grand
// total, so no page can add a hope to a fact. Sums are in whole pence.
import { SAVING_STATUSES, type Saving, type SavingStatus } from './saving.ts';

export interface StatusTotal {
  readonly amount: number;
  readonly count: number;
}

export interface SavingsTotals {
  readonly byStatus: Readonly<Record<SavingStatus, StatusTotal>>;
  /** Evidenced and verified together: every saving here has its evidence. */
  readonly withEvidence: StatusTotal;
}

export function savingsTotals(savings: readonly Saving[]): SavingsTotals {
  return totalsOfSums(savings.map((s) => ({ status: s.status, pence: Math.round(s.amount * 100), count: 1 })));
}

/** A sum of savings of one status, in whole pence, and how many: as a store adds them up. */
export interface StatusSum {
  readonly status: SavingStatus;
  readonly pence: number;
  readonly count: number;
}

/** The same totals as savingsTotals, from sums per status (several sums of one status add up). */
export function totalsOfSums(sums: readonly StatusSum[]): SavingsTotals {
  const pence = Object.fromEntries(SAVING_STATUSES.map((s) => [s, { pence: 0, count: 0 }])) as Record<SavingStatus, { pence: number; count: number }>;
  for (const sum of sums) {
    pence[sum.status].pence += sum.pence;
    pence[sum.status].count += sum.count;
  }
  const byStatus = Object.fromEntries(SAVING_STATUSES.map((s) => [s, { amount: pence[s].pence / 100, count: pence[s].count }])) as Record<SavingStatus, StatusTotal>;
  const withEvidence = { amount: (pence.evidenced.pence + pence.verified.pence) / 100, count: pence.evidenced.count + pence.verified.count };
  return { byStatus, withEvidence };
}
