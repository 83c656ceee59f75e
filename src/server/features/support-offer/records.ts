// What the access policy knows of the support offer's records: a council's
// request is restricted to the provider it asks (the organisation that holds
// it), the council it is about and whoever asked; a budget is public and
// held by the provider whose management group allocates it.
import { guardedRecord, type GuardedRecord } from '../../../domain/access/index.ts';

export function requestRecord(request: { readonly councilCode: string; readonly organisationId: number; readonly requestedBy: number | null }): GuardedRecord {
  return guardedRecord('support_request', 'restricted', {
    subjectArea: request.councilCode,
    subjectReads: true,
    ownerOrganisation: request.organisationId,
    author: request.requestedBy,
  });
}

export function fundingRecord(budget: { readonly organisationId: number }): GuardedRecord {
  return guardedRecord('funding', 'public', { ownerOrganisation: budget.organisationId });
}
