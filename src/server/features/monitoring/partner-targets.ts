// A partner's page: the targets a partner leads or contributes to, with their
// ratings in words beside the rule that made them, and the latest likelihood
// of delivery. Partners are named per agreement; one that Lantern knows as an
// organisation (a primary care trust, a police force) is gathered across
// every agreement it is a partner in, so that it sees all it answers for.
// The path names a partner of an agreement the viewer may read; any other
// id is answered as one that does not exist.
import type { BenchmarkIndex } from '../../../domain/benchmark/benchmark-index.ts';
import { PARTNER_KIND_LABELS } from '../../../domain/targets/index.ts';
import { agreementsOf, type AgreementPartner } from '../../../store/agreements.ts';
import type { Sql } from '../../../store/store.ts';
import { targetsOfAgreements, type StoredTarget } from '../../../store/targets.ts';
import { notSeen, type RequestAccess } from '../../platform/access/index.ts';
import { agreementRecord, targetRecord } from '../../platform/agreements/agreement-record.ts';
import type { RateTargets } from '../../platform/agreements/agreement-json.ts';
import { shownToViewer } from '../../platform/agreements/signed-view.ts';
import { checked } from '../../platform/http/input-schema.ts';
import { partnerPath } from './api-inputs.ts';
import { targetLines, type TargetLine } from './target-lines.ts';

export type PartnerLine = TargetLine & { readonly role: 'lead' | 'contributing' };

export async function partnerTargets(sql: Sql, access: RequestAccess, index: BenchmarkIndex, idText: unknown, rate: RateTargets) {
  const { id } = checked(partnerPath, { id: idText });
  const all = await agreementsOf(sql);
  const home = all.find((a) => a.partners.some((p) => p.id === id));
  if (!home || !access.may('read', agreementRecord(home))) throw notSeen(`partner ${id}`);
  const partner = home.partners.find((p) => p.id === id)!;
  const isThis = (p: AgreementPartner) => p.id === id || (partner.organisationId !== null && p.organisationId === partner.organisationId);
  const candidates = all.filter((a) => a.partners.some(isThis) && access.may('read', targetRecord(a)));
  const theirs = new Set(candidates.flatMap((a) => a.partners.filter(isThis).map((p) => p.id)));
  const roleOf = (t: StoredTarget): PartnerLine['role'] | null => (theirs.has(t.leadPartnerId) ? 'lead' : t.contributingPartnerIds.some((p) => theirs.has(p)) ? 'contributing' : null);
  const targets = (
    await targetsOfAgreements(
      sql,
      candidates.map((a) => a.id),
    )
  ).filter((t) => roleOf(t) !== null);
  const shown = await access.reveal(
    candidates.filter((a) => a.id === home.id || targets.some((t) => t.agreementId === a.id)),
    targetRecord,
    (a) => String(a.id),
    `partner ${id}`,
  );
  // In a refresh, those who do not read its working copy see the partner's targets as last signed off.
  const listed = (await shownToViewer(sql, access, shown, targets)).map(({ agreement, targets: own }) => ({ agreement, targets: own.filter((t) => roleOf(t) !== null) }));
  const roles = new Map(listed.flatMap(({ targets: own }) => own.map((t) => [t.id, roleOf(t)!] as const)));
  const lines = await targetLines(sql, access, index, listed, rate);
  return {
    partner: {
      id: partner.id,
      name: partner.name,
      kind: partner.kind,
      kindLabel: PARTNER_KIND_LABELS[partner.kind],
      organisationId: partner.organisationId,
      agreements: shown.map((a) => ({ id: a.id, title: a.title, council: a.organisationName })),
    },
    items: lines.map((line): PartnerLine => ({ ...line, role: roles.get(line.target.id)! })),
  };
}
