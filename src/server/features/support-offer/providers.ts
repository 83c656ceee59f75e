// Which Lantern organisation answers for each provider of the offer (a
// sector body, a regional partnership): its staff read and answer the
// requests made to that provider, and a provider with none takes no
// requests through Lantern. Set by an administrator (the policy's change of
// an organisation) on its page, or from the command line as the console. An unknown
// provider or organisation, or an organisation that is not a sector body or
// a regional partnership, is refused naming the field. An administrator
// (or the console) also stops an organisation answering for a provider, so
// that it takes no requests through Lantern; an unknown provider, or one
// no organisation answers for, is refused naming the field. Requests already
// made stay with the organisation that held them. Each is audited.
import { guardedRecord } from '../../../domain/access/index.ts';
import type { SupportOffer } from '../../../domain/peer-challenge/index.ts';
import { keptSupportOffer } from '../../../ingest/support-offer.ts';
import { findOrganisationByName, getOrganisation, listOrganisations, type Organisation } from '../../../store/organisations.ts';
import type { Sql } from '../../../store/store.ts';
import { listRequests, OPEN_STATES, providerOrganisations, removeProviderOrganisation, setProviderOrganisation } from '../../../store/support-requests.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { invalidInput } from '../../platform/http/checked-input.ts';

const PROVIDING_KINDS: readonly Organisation['kind'][] = ['sector_body', 'regional_partnership'];

export interface ProviderMapping {
  readonly providerId: string;
  readonly providerName: string;
  /** The organisation that answers for it; null where none does yet. */
  readonly organisationId: number | null;
  readonly organisationName: string | null;
}

/** Each provider of the offer with the organisation that answers for it, if any. */
export async function listProviders(sql: Sql, offer: SupportOffer = keptSupportOffer()): Promise<ProviderMapping[]> {
  const held = await providerOrganisations(sql);
  const names = new Map((await listOrganisations(sql)).map((o) => [o.id, o.name]));
  return offer.providers.map((p) => {
    const organisationId = held.get(p.id) ?? null;
    return { providerId: p.id, providerName: p.name, organisationId, organisationName: organisationId === null ? null : (names.get(organisationId) ?? null) };
  });
}

export interface ProviderMapped {
  readonly mapping: ProviderMapping;
  /** The organisation that answered before, if another. */
  readonly before: { readonly id: number; readonly name: string; readonly openRequests: number } | null;
}

/** Names the organisation (by id or name) that answers for a provider of the offer. */
export async function mapProvider(
  sql: Sql,
  access: RequestAccess,
  body: { readonly provider: string; readonly organisation: string },
  offer: SupportOffer = keptSupportOffer(),
): Promise<ProviderMapped> {
  const providerId = body.provider.trim();
  const given = body.organisation.trim();
  const problems = [];
  const provider = offer.providers.find((p) => p.id === providerId);
  if (providerId === '') problems.push({ field: 'provider', message: `'provider': choose the provider` });
  else if (!provider)
    problems.push({ field: 'provider', message: `'provider': no provider of the offer has the id '${providerId}'; the providers are ${offer.providers.map((p) => p.id).join(', ')}` });
  const organisation = /^\d+$/.test(given) ? await getOrganisation(sql, Number(given)) : given === '' ? undefined : await findOrganisationByName(sql, given);
  if (given === '') problems.push({ field: 'organisation', message: `'organisation': choose the organisation that answers for it` });
  else if (!organisation) problems.push({ field: 'organisation', message: `'organisation': there is no organisation '${given}' (by its id or its name)` });
  else if (!PROVIDING_KINDS.includes(organisation.kind))
    problems.push({
      field: 'organisation',
      message: `'organisation': ${organisation.name} is a ${organisation.kind.replace('_', ' ')}; a sector body or a regional partnership answers for a provider`,
    });
  if (problems.length > 0 || !provider || !organisation) throw invalidInput(problems);
  access.require('change', guardedRecord('organisation', 'public', { ownerOrganisation: organisation.id }), `the organisation that answers for ${provider.name}`);
  return sql.begin(async (tx) => {
    const previous = (await providerOrganisations(tx)).get(providerId);
    let before: ProviderMapped['before'] = null;
    if (previous !== undefined && previous !== organisation.id) {
      const open = await listRequests(tx, { organisationId: previous, states: OPEN_STATES });
      before = { id: previous, name: (await getOrganisation(tx, previous))?.name ?? `organisation ${previous}`, openRequests: open.filter((r) => r.providerId === providerId).length };
    }
    await setProviderOrganisation(tx, providerId, organisation.id);
    await access.audit(tx, 'change', 'support_offer', providerId, `named ${organisation.name} to answer for ${provider.name}${before ? ` (before: ${before.name})` : ''}`);
    return { mapping: { providerId, providerName: provider.name, organisationId: organisation.id, organisationName: organisation.name }, before };
  });
}

export interface ProviderRemoved {
  readonly providerId: string;
  readonly providerName: string;
  /** The organisation that answered for it, and how many of the provider's requests it still holds open. */
  readonly removed: { readonly id: number; readonly name: string; readonly openRequests: number };
}

/** Stops the organisation that answers for a provider doing so: the provider takes no requests through Lantern until one is named again. */
export async function unmapProvider(sql: Sql, access: RequestAccess, body: { readonly provider: string }, offer: SupportOffer = keptSupportOffer()): Promise<ProviderRemoved> {
  const providerId = body.provider.trim();
  const held = await providerOrganisations(sql);
  const provider = offer.providers.find((p) => p.id === providerId);
  const organisationId = held.get(providerId);
  const known = [...new Set([...offer.providers.map((p) => p.id), ...held.keys()])];
  if (providerId === '') throw invalidInput([{ field: 'provider', message: `'provider': choose the provider` }]);
  if (!provider && organisationId === undefined) throw invalidInput([{ field: 'provider', message: `'provider': no provider has the id '${providerId}'; the providers are ${known.join(', ')}` }]);
  const providerName = provider?.name ?? providerId;
  if (organisationId === undefined) throw invalidInput([{ field: 'provider', message: `'provider': no organisation answers for ${providerName}, so there is none to remove` }]);
  access.require('change', guardedRecord('organisation', 'public', { ownerOrganisation: organisationId }), `the organisation that answers for ${providerName}`);
  return sql.begin(async (tx) => {
    const removedId = await removeProviderOrganisation(tx, providerId);
    if (removedId === undefined) throw invalidInput([{ field: 'provider', message: `'provider': no organisation answers for ${providerName}, so there is none to remove` }]);
    const name = (await getOrganisation(tx, removedId))?.name ?? `organisation ${removedId}`;
    const openRequests = (await listRequests(tx, { organisationId: removedId, states: OPEN_STATES })).filter((r) => r.providerId === providerId).length;
    await access.audit(tx, 'change', 'support_offer', providerId, `removed ${name} from answering for ${providerName}${openRequests > 0 ? ` (${openRequests} open requests stay with it)` : ''}`);
    return { providerId, providerName, removed: { id: removedId, name, openRequests } };
  });
}
