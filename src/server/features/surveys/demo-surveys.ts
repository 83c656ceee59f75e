// The demo's surveys, so that the surveys' pages have something to show: two
// synthetic residents' surveys of County Durham run as the LGA's guidance
// asks (comparable), a synthetic online panel that is not, and synthetic
// waves of the national poll for England. Every one is marked synthetic,
// and says so wherever it shows. Made once, when Durham's council and the
// service's organisation are there and Durham has no survey; judged and held
// as entered results are, and audited as the demo.
import { parsePeriod } from '../../../domain/period/index.ts';
import { financialYearOf, type Question, type QuestionSet, type SurveyResult } from '../../../domain/surveys/index.ts';
import { questionSetsLoaded } from '../../../ingest/question-sets.ts';
import { getArea } from '../../../store/catalogue.ts';
import { findOrganisationByName } from '../../../store/organisations.ts';
import type { Sql } from '../../../store/store.ts';
import { createSurvey, getQuestionSet, getSurvey, saveResults, surveysOf, type SurveyDraft } from '../../../store/surveys.ts';
import { consoleAccess } from '../../platform/access/console-access.ts';
import { judgeAndHold } from './survey-checks.ts';
import { ENGLAND } from './surveys.ts';

const DURHAM = 'E06000047';
const LGA = 'lga-resident-satisfaction';

/** The share answering positively to each of the set's questions, as the demo makes them up. */
const POSITIVE: Readonly<Record<string, number>> = {
  'satisfied-with-local-area': 0.76,
  'satisfied-with-council': 0.58,
  'council-value-for-money': 0.41,
  'council-acts-on-concerns': 0.52,
  'council-keeps-residents-informed': 0.56,
  'trust-council': 0.55,
  'safe-after-dark': 0.71,
  'safe-during-day': 0.92,
  'satisfied-with-waste-collection': 0.78,
  'satisfied-with-street-cleaning': 0.62,
};

interface DemoSurvey {
  readonly council: string;
  readonly title: string;
  readonly method: SurveyDraft['method'];
  readonly sampling: SurveyDraft['sampling'];
  readonly fieldwork: readonly [string, string];
  readonly sample: number;
  /** How much the council's figures differ from POSITIVE: + a few points for a better year. */
  readonly shift: number;
  readonly tracker?: SurveyDraft['tracker'];
}

const SURVEYS: readonly DemoSurvey[] = [
  { council: DURHAM, title: "Residents' survey 2023 (synthetic)", method: 'telephone', sampling: 'random_probability', fieldwork: ['2023-09-04', '2023-10-27'], sample: 1012, shift: -0.02 },
  { council: DURHAM, title: "Residents' survey 2024 (synthetic)", method: 'telephone', sampling: 'random_probability', fieldwork: ['2024-09-02', '2024-10-25'], sample: 1048, shift: 0.01 },
  {
    council: DURHAM,
    title: "Residents' online panel (synthetic)",
    method: 'online',
    sampling: 'opt_in_panel',
    fieldwork: ['2025-06-02', '2025-06-30'],
    sample: 640,
    shift: 0.05,
    tracker: { name: "Residents' online panel (synthetic)", wave: 1 },
  },
  ...[2023, 2024].flatMap((year) =>
    (
      [
        ['06-01', '06-20'],
        ['10-02', '10-20'],
        ['02-03', '02-21'],
      ] as const
    ).map(([start, end], i) => ({
      council: ENGLAND,
      title: `National poll ${year}/${String((year + 1) % 100).padStart(2, '0')} (synthetic)`,
      method: 'telephone' as const,
      sampling: 'random_probability' as const,
      fieldwork: [`${i === 2 ? year + 1 : year}-${start}`, `${i === 2 ? year + 1 : year}-${end}`] as const,
      sample: 1000 + 7 * i,
      shift: 0.01 * i - 0.01,
      tracker: { name: 'National poll (synthetic)', wave: i + 1 },
    })),
  ),
];

/** Makes the demo's surveys where it can; says so through `log`. Returns how many it made. */
export async function createDemoSurveys(sql: Sql, log: (line: string) => void): Promise<number> {
  const council = await findOrganisationByName(sql, 'Durham County Council');
  const service = await findOrganisationByName(sql, 'Lantern service');
  if (!council || !service || (await surveysOf(sql, DURHAM)).length > 0) return 0;
  await questionSetsLoaded(sql);
  const set = await getQuestionSet(sql, LGA, 1);
  if (!set) return 0;
  const hasEngland = (await getArea(sql, ENGLAND)) !== undefined;
  const access = consoleAccess(sql, 'lantern-demo');
  let made = 0;
  for (const demo of SURVEYS) {
    if (demo.council === ENGLAND && !hasEngland) continue;
    await sql.begin(async (tx) => {
      const id = await createSurvey(tx, draftOf(demo, set), demo.council === ENGLAND ? service.id : council.id, null);
      await saveResults(
        tx,
        id,
        set.questions.map((q) => ({ ...resultOf(q, demo), setCode: set.code, setVersion: set.version })),
        null,
      );
      await judgeAndHold(tx, access, (await getSurvey(tx, id))!, true);
      await access.audit(tx, 'change', 'survey', String(id), `made the demo's synthetic survey '${demo.title}'`);
    });
    made++;
  }
  log(`Lantern: made ${made} synthetic surveys for the demo`);
  return made;
}

function draftOf(demo: DemoSurvey, set: QuestionSet): SurveyDraft {
  const period = parsePeriod(financialYearOf(demo.fieldwork[1]));
  if (period.kind !== 'ok') throw new Error(`demo survey ${demo.title}: ${period.reason}`);
  return {
    council: demo.council,
    title: demo.title,
    method: demo.method,
    sampling: demo.sampling,
    fieldworkStart: demo.fieldwork[0],
    fieldworkEnd: demo.fieldwork[1],
    period: period.period,
    achievedSample: demo.sample,
    weighting: { kind: 'weighted', variables: ['age', 'sex'], effectiveBase: Math.round(demo.sample * 0.84) },
    placements: set.questions.map((q, i) => ({ questionCode: q.code, setCode: set.code, setVersion: set.version, position: i + 1, order: i + 1, wordingUsed: q.wording })),
    tracker: demo.tracker ?? null,
    synthetic: true,
  };
}

/** Counts for every option of the question from its made-up positive share: 3% don't know, the rest spread evenly. */
function resultOf(question: Question, demo: DemoSurvey): SurveyResult {
  const base = demo.sample - 4;
  const positive = Math.min(0.97, Math.max(0.05, (POSITIVE[question.code] ?? 0.5) + demo.shift));
  const options = question.answerOptions;
  const positives = options.filter((o) => o.positive);
  const others = options.filter((o) => !o.positive && !o.dontKnow);
  // The first positive option ("very") takes two fifths of the positive share where there are more.
  const positiveShare = (i: number) => (positives.length === 1 ? positive : i === 0 ? positive * 0.4 : (positive * 0.6) / (positives.length - 1));
  const shares = options.map((o) => (o.dontKnow ? 0.03 : o.positive ? positiveShare(positives.indexOf(o)) : (0.97 - positive) / others.length));
  const counts = shares.map((share) => Math.floor(share * base));
  counts[counts.length - 1] = base - counts.slice(0, -1).reduce((sum, n) => sum + n, 0);
  const percentages = Object.fromEntries(options.map((o, i) => [o.code, Math.round((counts[i]! / base) * 1000) / 10]));
  return {
    questionCode: question.code,
    counts: Object.fromEntries(options.map((o, i) => [o.code, counts[i]!])),
    base,
    weighted: { percentages, effectiveBase: Math.round(base * 0.84) },
  };
}
