// The demo's agreement, so that the targets' pages have something to show:
// County Durham's council plan for 2019/20 to 2022/23, signed off, with four
// public health targets on metrics the demo loads (one drawn as a straight
// line under each kind of tolerance rule that the demo's figures can rate)
// and one progress review. Made once, when the council's organisation and the
// metrics are there and no agreement is; written straight to the store as
// the demo's people are, and audited as the demo.
import { straightTrajectory, type ToleranceRule } from '../../../domain/targets/index.ts';
import { recordAudit } from '../../../store/audit.ts';
import { agreementsOf, createAgreement, freezeVersion, setAgreementStatus } from '../../../store/agreements.ts';
import { getMetric } from '../../../store/catalogue.ts';
import { findOrganisationByName } from '../../../store/organisations.ts';
import type { Sql } from '../../../store/store.ts';
import { DEMO_ACTOR, madeByDemo } from '../../platform/access/demo-audit.ts';
import { createReview, createTargets, targetsOf, type TargetDraft } from '../../../store/targets.ts';

const DURHAM = 'E06000047';
const HAVERING: ToleranceRule = { kind: 'relative', version: 1, greenWithinPercent: 10, amberWithinPercent: null, amberIfImproved: true };

interface DemoTarget {
  readonly reference: string;
  readonly metric: string;
  readonly baseline: readonly [string, number];
  readonly target: readonly [string, number];
  readonly rule: ToleranceRule;
}

const TARGETS: readonly DemoTarget[] = [
  { reference: 'PH 1', metric: 'percentage-of-physically-active-adults', baseline: ['2018/19', 64.4], target: ['2022/23', 68], rule: HAVERING },
  { reference: 'PH 2', metric: 'percentage-of-adults-aged-18-plus-classified-as-overweight-or-obese', baseline: ['2018/19', 62.4], target: ['2022/23', 60], rule: HAVERING },
  {
    reference: 'PH 3',
    metric: 'percentage-of-physically-inactive-adults',
    baseline: ['2018/19', 24.8],
    target: ['2022/23', 22],
    rule: { kind: 'absolute', version: 1, greenWithin: 0.5, amberWithin: 1.5 },
  },
  {
    reference: 'PH 4',
    metric: 'smoking-prevalence-in-adults-in-routine-and-manual-occupations-18-64-current-smokers-aps',
    baseline: ['2019', 27.3],
    target: ['2022', 24],
    rule: { kind: 'two_bands', version: 1, measure: 'percent', greenWithin: 10 },
  },
];

/** Makes the demo's agreement where it can; says so through `log`. Returns its id, or undefined when it made none. */
export async function createDemoAgreement(sql: Sql, log: (line: string) => void): Promise<number | undefined> {
  const council = await findOrganisationByName(sql, 'Durham County Council');
  if (!council || (await agreementsOf(sql)).length > 0) return undefined;
  for (const t of TARGETS) if (!(await getMetric(sql, t.metric))) return undefined;
  const id = await sql.begin(async (tx) => {
    const agreement = await createAgreement(
      tx,
      {
        kind: 'council_plan',
        title: 'County Durham council plan: healthier lives',
        firstYear: '2019/20',
        lastYear: '2022/23',
        planStart: '2019-04-01',
        planEnd: '2023-03-31',
        areas: [DURHAM],
        designatedCap: 35,
        partners: [
          { kind: 'council', name: 'Durham County Council', organisationId: council.id },
          { kind: 'health', name: 'County Durham Health and Wellbeing Board', organisationId: null },
        ],
      },
      council.id,
      DEMO_ACTOR,
    );
    const [lead, health] = agreement.partners;
    const drafts = TARGETS.map((t): TargetDraft => draftOf(t, lead!.id, health!.id));
    await createTargets(tx, agreement.id, drafts, DEMO_ACTOR);
    const targets = await targetsOf(tx, agreement.id);
    await freezeVersion(tx, agreement.id, 1, DEMO_ACTOR, { agreement: { ...agreement, status: 'signed_off' }, targets });
    await setAgreementStatus(tx, agreement.id, 'signed_off', 1, DEMO_ACTOR);
    const obesity = targets.find((t) => t.reference === 'PH 2')!;
    await createReview(
      tx,
      {
        targetId: obesity.id,
        reviewedOn: '2022-06-30',
        likelihood: 'amber_red',
        narrative: 'Excess weight rose through the pandemic; the healthy weight alliance is widening its offer, but the trajectory is unlikely to be met by 2022/23.',
        actions: [{ id: `${obesity.id}-1`, action: 'Extend the tier 2 weight management service to all localities', owner: 'Director of Public Health', due: '2022-12-31' }],
        risks: 'Funding for the tier 2 service ends in March 2023.',
        frozen: { reference: obesity.reference, metric: obesity.metricCode, trajectory: obesity.trajectory },
        published: true,
      },
      DEMO_ACTOR,
    );
    await recordAudit(tx, [madeByDemo('agreement', agreement.id, 'made the demo agreement')]);
    return agreement.id;
  });
  log(`Lantern: made the demo agreement ${id}, County Durham's council plan with ${TARGETS.length} targets`);
  return id;
}

function draftOf(t: DemoTarget, leadId: number, healthId: number): TargetDraft {
  const [baselinePeriod, baselineValue] = t.baseline;
  const [targetPeriod, targetValue] = t.target;
  return {
    reference: t.reference,
    metricCode: t.metric,
    areas: [DURHAM],
    kind: 'local',
    indicatorRole: 'performance',
    baselinePeriod,
    baselineValue,
    targetPeriod,
    targetValue,
    trajectoryShape: 'straight',
    trajectory: straightTrajectory({ period: baselinePeriod, value: baselineValue }, { period: targetPeriod, value: targetValue }),
    leadPartnerId: healthId,
    contributingPartnerIds: [leadId],
    toleranceRule: t.rule,
    placeholderDue: null,
    worseReason: null,
    replacesTargetId: null,
  };
}
