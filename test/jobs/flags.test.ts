// Early warning's flags stored after each import, as the job runner runs it
// on two servers of one store: a batch that makes a council worse than
// England and getting worse raises its flag once, with its sentence; a
// revision that brings it back clears it; what the jobs stored equals what
// working out every flag again stores. Run for batches in the other order
// (as batches that commit out of order, or jobs on a lagging server, would),
// the flags end the same. A change to an agreed target reaches its
// off-trajectory flag through the minutely check, and a metric redefined
// reaches the flag of a target left as it was.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BenchmarkEngine } from '../../src/engine/benchmark-engine.ts';
import { flagsCheckJob, storeFlags } from '../../src/jobs/flags.ts';
import { createAgreement, setAgreementStatus, touchAgreement } from '../../src/store/agreements.ts';
import { createTargets, updateTarget, type TargetDraft } from '../../src/store/targets.ts';
import { organisation, user } from '../support/access.ts';
import { startLanternJobs, type LanternJobs } from '../../src/jobs/index.ts';
import { flagsOf, openFlagsInEngland } from '../../src/store/flags.ts';
import { nearestNeighboursOfEvery } from '../../src/store/published-neighbours.ts';
import { importText } from '../support/import.ts';
import { eventually, openSiblingStore, QUICK } from '../support/jobs.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const [ENGLAND, HARTLEPOOL, DURHAM] = ['E92000001', 'E06000001', 'E06000047'];
const YEARS = ['2017/18', '2018/19', '2019/20', '2020/21', '2021/22'];

async function seed(sql: TestStore['sql']): Promise<void> {
  const areas = await importText(
    sql,
    'areas.csv',
    ['code,name,type,region_code', `${ENGLAND},England,england,`, 'E12000001,North East,region,', `${DURHAM},County Durham,unitary,E12000001`, `${HARTLEPOOL},Hartlepool,unitary,E12000001`].join('\n'),
  );
  assert.equal(areas.status, 'loaded');
  const metrics = await importText(sql, 'metrics.csv', 'code,title,polarity,value_kind,period_kind,unit,decimals\ninactive,Physically inactive adults,lower_is_better,mean,financial_year,%,1\n');
  assert.equal(metrics.status, 'loaded');
}

/** England steady at 22; Hartlepool rising from 20 by 2 a year (each ±0.5); Durham steady at 21. */
const RISING = [
  'metric,area,period,value,lower_ci,upper_ci',
  ...YEARS.flatMap((year, i) => [
    `inactive,${ENGLAND},${year},22,21.9,22.1`,
    `inactive,${HARTLEPOOL},${year},${20 + 2 * i},${19.5 + 2 * i},${20.5 + 2 * i}`,
    `inactive,${DURHAM},${year},21,20.5,21.5`,
  ]),
].join('\n');
/** Hartlepool's latest year revised down to England's level. */
const REVISED = `metric,area,period,value,lower_ci,upper_ci\ninactive,${HARTLEPOOL},2021/22,21,20.5,21.5\n`;
/** A sixth year, with Hartlepool's 2021/22 revised back to 28: Hartlepool worse again, Durham steady. */
const LATER = [
  'metric,area,period,value,lower_ci,upper_ci',
  `inactive,${HARTLEPOOL},2021/22,28,27.5,28.5`,
  `inactive,${ENGLAND},2022/23,22,21.9,22.1`,
  `inactive,${HARTLEPOOL},2022/23,29,28.5,29.5`,
  `inactive,${DURHAM},2022/23,21,20.5,21.5`,
].join('\n');

interface Lantern {
  readonly engine: BenchmarkEngine;
  readonly jobs: LanternJobs;
  readonly logged: string[];
}

describe('the early-warning flags job, on two servers', () => {
  let store: TestStore;
  let other: TestStore;
  const lanterns: Lantern[] = [];
  const open = async () => (await flagsOf(store.sql, HARTLEPOOL)).map((f) => [f.rule, f.period, f.figures.value]);

  before(async () => {
    store = await openTestStore();
    other = await openSiblingStore(store);
    await seed(store.sql);
    for (const [name, on] of [
      ['first', store],
      ['second', other],
    ] as const) {
      const logged: string[] = [];
      const log = (line: string) => void logged.push(line);
      const engine = await BenchmarkEngine.start(on.sql, log);
      lanterns.push({ engine, jobs: await startLanternJobs(on, engine, { ...QUICK, log, server: name }), logged });
    }
  });
  after(async () => {
    for (const lantern of lanterns) {
      await lantern.jobs.stop();
      await lantern.engine.stop();
    }
    await other.close();
    await store.close();
  });

  it('raises the flag of a batch once, with its sentence, and clears it when a revision brings the council back', async () => {
    const rising = await importText(store.sql, 'rising.csv', RISING);
    assert.equal(rising.status, 'loaded');
    await eventually('the flag to be raised', async () => ((await open()).length > 0 ? true : undefined));
    const [flag] = await flagsOf(store.sql, HARTLEPOOL);
    assert.deepEqual([flag!.rule, flag!.ruleVersion, flag!.metric, flag!.period], ['worse_and_worsening', 1, 'inactive', '2021/22']);
    assert.equal(flag!.sentence, 'Physically inactive adults: 28.0% in 2021/22, worse than England (22.0%), and getting worse over 5 periods (2017/18 to 2021/22).');
    // Stored by the batch's job or by the minutely check, whichever ran first, on either server: once.
    const said = lanterns.flatMap((l) => l.logged).filter((line) => line.startsWith('Lantern: early-warning flags'));
    assert.deepEqual(
      said.map((line) => line.replace(/ (after batch \d+|of every metric):/, ':')),
      ['Lantern: early-warning flags: 1 raised, 0 changed, 0 cleared'],
      'one server stored it',
    );

    assert.equal((await importText(store.sql, 'revised.csv', REVISED)).status, 'loaded');
    await eventually('the flag to clear', async () => ((await open()).length === 0 ? true : undefined));
    const [cleared] = await flagsOf(store.sql, HARTLEPOOL, true);
    assert.ok(cleared!.clearedAt, 'the cleared flag is kept');
  });

  it('stores after each batch what working out every flag again stores', async () => {
    assert.equal((await importText(store.sql, 'later.csv', LATER)).status, 'loaded');
    await eventually('the later flag', async () => ((await open()).some((f) => f[1] === '2022/23') ? true : undefined));
    for (const lantern of lanterns) await lantern.engine.settled();
    assert.deepEqual(await storeFlags(store.sql, lanterns[1]!.engine, 'all'), { raised: 0, changed: 0, cleared: 0 });
  });
});

describe('the early-warning flags of batches stored out of order', () => {
  let store: TestStore;
  let engine: BenchmarkEngine;

  before(async () => {
    store = await openTestStore();
    await seed(store.sql);
    engine = await BenchmarkEngine.start(store.sql, () => {});
  });
  after(async () => {
    await engine.stop();
    await store.close();
  });

  it('ends with the flags a full recompute finds, whichever batch is stored first', async () => {
    const batches = [];
    for (const [name, text] of [
      ['rising.csv', RISING],
      ['revised.csv', REVISED],
      ['later.csv', LATER],
    ]) {
      const result = await importText(store.sql, name!, text!);
      assert.equal(result.status, 'loaded');
      batches.push(result.batchId!);
    }
    for (const batchId of batches.reverse()) await storeFlags(store.sql, engine, batchId);
    const stored = (await openFlagsInEngland(store.sql)).map((f) => [f.area, f.rule, f.period, f.figures.value]);
    assert.deepEqual(stored, [[HARTLEPOOL, 'worse_and_worsening', '2022/23', 29]]);
    assert.deepEqual(await storeFlags(store.sql, engine, 'all'), { raised: 0, changed: 0, cleared: 0 });
  });
});

describe('off trajectory after a change to an agreed target', () => {
  let store: TestStore;
  let engine: BenchmarkEngine;

  before(async () => {
    store = await openTestStore();
    await seed(store.sql);
    assert.equal((await importText(store.sql, 'rising.csv', RISING)).status, 'loaded');
    engine = await BenchmarkEngine.start(store.sql, () => {});
  });
  after(async () => {
    await engine.stop();
    await store.close();
  });

  /** A council's agreement (a draft) with one target on inactive adults: from 20 in 2017/18 to `targetValue` by 2021/22. */
  async function agreement(area: string, name: string, targetValue: number) {
    const { sql } = store;
    const council = await organisation(sql, name, 'council', area);
    const who = (await user(sql, `officer@${area.toLowerCase()}.example`, 'performance_officer', council.id)).email;
    const made = await createAgreement(
      sql,
      {
        kind: 'local_area_agreement',
        title: `${name} LAA`,
        firstYear: '2017/18',
        lastYear: '2021/22',
        planStart: '2017-04-01',
        planEnd: '2022-03-31',
        areas: [area],
        designatedCap: 35,
        partners: [{ kind: 'council', name, organisationId: council.id }],
      },
      council.id,
      who,
    );
    const draft = (value: number): TargetDraft => ({
      reference: 'NI 8',
      metricCode: 'inactive',
      areas: [area],
      kind: 'local',
      indicatorRole: 'performance',
      baselinePeriod: '2017/18',
      baselineValue: 20,
      targetPeriod: '2021/22',
      targetValue: value,
      trajectoryShape: 'straight',
      trajectory: [{ period: '2021/22', value }],
      leadPartnerId: made.partners[0]!.id,
      contributingPartnerIds: [],
      toleranceRule: { kind: 'relative', version: 1, greenWithinPercent: 10, amberWithinPercent: null, amberIfImproved: true },
      placeholderDue: null,
      worseReason: null,
      replacesTargetId: null,
    });
    const [targetId] = await createTargets(sql, made.id, [draft(targetValue)], who);
    return { id: made.id, who, targetId: targetId!, draft };
  }

  const offTrajectory = async (area: string) => (await flagsOf(store.sql, area)).filter((f) => f.rule === 'off_trajectory');

  it('raises the flag once the agreement is signed off, and clears it when the target is changed', async () => {
    const { sql } = store;
    const { id, who, targetId, draft } = await agreement(HARTLEPOOL, 'Hartlepool Borough Council', 18);
    const logged: string[] = [];
    const check = flagsCheckJob(sql, engine, (line) => void logged.push(line));
    const run = { queue: 'flags-check', id: 'test', attempt: 1 };

    await check.run({}, run);
    assert.deepEqual(await offTrajectory(HARTLEPOOL), [], 'a draft agreement is not agreed');

    await setAgreementStatus(sql, id, 'signed_off', 1, who);
    await check.run({}, run);
    const [raised] = await offTrajectory(HARTLEPOOL);
    assert.deepEqual([raised!.subject, raised!.period, raised!.figures.band, raised!.figures.expected], [String(targetId), '2021/22', 'red', 18]);

    await updateTarget(sql, targetId, draft(30), who);
    await touchAgreement(sql, id, who);
    await check.run({}, run);
    assert.deepEqual(await offTrajectory(HARTLEPOOL), [], 'on trajectory to the changed target');
    assert.ok(logged.some((line) => line.endsWith('0 raised, 0 changed, 1 cleared')));
  });

  // The job keeps each target as it read it while its agreement is unchanged: a metric redefined must still reach it.
  it('rates an unchanged target again by the new polarity of its metric', async () => {
    const { sql } = store;
    const { id, who } = await agreement(DURHAM, 'Durham County Council', 18);
    await setAgreementStatus(sql, id, 'signed_off', 1, who);
    await storeFlags(sql, engine, 'all');
    assert.deepEqual(
      (await offTrajectory(DURHAM)).map((flag) => flag.figures.band),
      ['red'],
      'Durham at 21, above the 18 it agreed, while lower is better',
    );

    const redefined = await importText(sql, 'metrics.csv', 'code,title,polarity,value_kind,period_kind,unit,decimals\ninactive,Physically inactive adults,higher_is_better,mean,financial_year,%,1\n');
    assert.equal(redefined.status, 'loaded');
    // The job waits for its server's index to hold the batch, as here.
    await eventually('the index to hold the redefinition', () => (engine.holds([redefined.batchId]) ? true : undefined));
    assert.equal(engine.index.metric('inactive')?.metric.polarity, 'higher_is_better');
    await storeFlags(sql, engine, redefined.batchId);
    assert.deepEqual(await offTrajectory(DURHAM), [], '21 is better than 18 once higher is better');
  });
});

describe('the reserves horizon stored after a batch of reserves', () => {
  let store: TestStore;
  let engine: BenchmarkEngine;

  before(async () => {
    store = await openTestStore();
    engine = await BenchmarkEngine.start(store.sql, () => {});
  });
  after(async () => {
    await engine.stop();
    await store.close();
  });

  // The job reads the published neighbours only for a batch that holds the reserves horizon's metric.
  it("places a council's horizon among its published neighbours'", async () => {
    const { sql } = store;
    const [nearer, further] = (await nearestNeighboursOfEvery(sql)).get(HARTLEPOOL)!;
    const areas = [HARTLEPOOL, nearer!, further!];
    const defined = await importText(sql, 'areas.csv', ['code,name,type', `${ENGLAND},England,england,`, ...areas.map((code) => `${code},Council ${code},unitary`)].join('\n'));
    assert.equal(defined.status, 'loaded');
    const metric = await importText(sql, 'metrics.csv', 'code,title,polarity,value_kind,period_kind,decimals\nusable-reserves,Usable reserves,higher_is_better,currency,financial_year,0\n');
    assert.equal(metric.status, 'loaded');
    // Hartlepool's reserves fall by 20 a year to 40 (2 years left); its nearer neighbour's by 5 to 85 (17); its further neighbour's grow.
    const yearEnds: Record<string, number[]> = { [HARTLEPOOL]: [100, 80, 60, 40], [nearer!]: [100, 95, 90, 85], [further!]: [50, 60, 70, 80] };
    const rows = Object.entries(yearEnds).flatMap(([area, values]) => values.map((value, i) => `usable-reserves,${area},${YEARS[i]},${value}`));
    const reserves = await importText(sql, 'reserves.csv', ['metric,area,period,value', ...rows].join('\n'));
    assert.equal(reserves.status, 'loaded');
    await eventually('the index to hold the reserves', () => (engine.holds([reserves.batchId]) ? true : undefined));

    await storeFlags(sql, engine, reserves.batchId);
    const [flag] = (await flagsOf(sql, HARTLEPOOL)).filter((f) => f.rule === 'reserves_horizon');
    assert.deepEqual([flag?.figures.horizon, flag?.figures.place, flag?.figures.of], [2, 3, 3], 'the shortest horizon of the three: 3rd of 3');
  });
});
