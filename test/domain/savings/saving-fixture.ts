// One council's estimated saving, for the savings tests to vary.
import type { Saving } from '../../../src/domain/savings/index.ts';

export const SAVING: Saving = Object.freeze<Saving>({
  councilCode: 'E07000200',
  year: '2008/09',
  amount: 120_000,
  cashReleasing: true,
  lastsFullYears: 3,
  source: 'shared_service',
  description: 'One revenues and benefits service with Mid Suffolk',
  status: 'estimated',
  evidence: null,
  verifiedBy: null,
});
