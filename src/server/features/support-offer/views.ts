// How the support offer's records are answered in JSON: a request with its
// rating verdict (the rule that judged it and its sentence), the menu for a
// council, and a budget with its position. Pages read the same shapes.
import { ratingVerdict } from '../../../domain/peer-challenge/index.ts';
import type { StoredRequest } from '../../../store/support-requests.ts';
import type { BudgetReading } from './budgets.ts';
import type { Menu } from './menu.ts';

export function requestJson(r: StoredRequest) {
  return {
    id: r.id,
    councilCode: r.councilCode,
    councilName: r.councilName,
    offerId: r.offerId,
    offerKind: r.offerKind,
    providerId: r.providerId,
    state: r.state,
    requestedOn: r.requestedOn,
    requestedBy: r.requestedByName,
    note: r.note,
    decidedOn: r.decidedOn,
    declineReason: r.declineReason,
    deliveredOn: r.deliveredOn,
    challenge: r.challengeId === null ? null : { id: r.challengeId, href: `/peer-challenges/${r.challengeId}` },
    ratings: r.ratings,
    ownRatings: r.ownRatings,
    ratingChanges: r.ratingChanges,
    verdict: r.state === 'delivered' || r.state === 'rated' ? ratingVerdict(r.ratings) : null,
  };
}

export function menuJson(menu: Menu) {
  return {
    council: menu.council,
    today: menu.today,
    providers: menu.providers.map((p) => ({
      provider: p.provider,
      offers: p.offers.map((o) => ({ ...o.offer, left: o.left, remaining: o.remaining, askable: o.askable })),
    })),
    notEligible: menu.notEligible.map((n) => ({ offerId: n.offer.id, title: n.offer.title, provider: n.provider, why: n.why })),
    requests: menu.requests.map(requestJson),
  };
}

export function budgetJson(reading: BudgetReading) {
  const { budget, position, allocations } = reading;
  return {
    id: budget.id,
    organisationId: budget.organisationId,
    organisationName: budget.organisationName,
    theme: budget.theme,
    year: budget.year,
    amount: budget.amount,
    carriedForward: budget.carriedForward,
    revision: budget.revision,
    total: position.total,
    allocated: position.allocated,
    unallocated: position.unallocated,
    spent: position.spent,
    sentence: position.sentence,
    allocations: allocations.map((a, i) => ({
      id: Number(a.id),
      recipient: a.recipient,
      amount: a.amount,
      spent: a.spent,
      remaining: position.allocations[i]!.remaining,
      overspent: position.allocations[i]!.overspent,
      decidedBy: a.decidedBy,
      decidedOn: a.decidedOn,
      decision: a.decision,
      startsOn: a.startsOn,
      endsOn: a.endsOn,
      revision: a.revision,
      sentence: position.allocations[i]!.sentence,
    })),
  };
}
