// The demo's good-practice library, so that its pages have something to
// show: the Local Innovation Awards of 2010 as the Improvement Board's
// report (source 002) tells them, quoted faithfully with their source; and
// a few invented case studies of County Durham and Hartlepool on the demo's
// metrics, each marked illustrative wherever it shows (one on a metric where
// the engine finds Hartlepool improved, so that a metric page shows how). All are published,
// held by the sector body, and written once, when the library is empty and
// the areas and metrics they name are there.
import { checkCaseStudy, type CaseStudyDraft } from '../../../domain/good-practice/index.ts';
import { createCaseStudy, knownCodes, searchCaseStudies } from '../../../store/case-studies.ts';
import { findOrganisationByName } from '../../../store/organisations.ts';
import type { Sql } from '../../../store/store.ts';

const AWARDS_NOTE = 'Improvement Board report (2010), source 002: the first Local Innovation Awards, presented at No 11 Downing Street on 2 March';

const DEMO: readonly CaseStudyDraft[] = [
  {
    title: 'Local Innovation Awards 2010: achieving more through partnerships',
    summary: 'Northumberland Council received the Achieving more through partnerships award, one of the first winners of the Local Innovation Awards.',
    body: [
      "The Improvement Board's report records: \u201cThe first winners of the new 'Local Innovation Awards' scheme were praised for their work at a reception hosted by kind permission of the Chancellor of the Exchequer, at No 11 Downing Street on 2 March.\u201d",
      '\u201cCllr Parsons made a speech congratulating the award winners and presented the Achieving more through partnerships award to Northumberland Council. Tameside, Sunderland, Trafford and their partners were the other main award winners.\u201d',
      '\u201cAward winners are required to enter into an agreement with the Advisory Panel and the LGA Group to share learning, provide peer support and timely knowledge transfer across sector.\u201d',
    ].join('\n\n'),
    councils: ['E06000057', 'E08000008', 'E08000024', 'E08000009'],
    themes: ['partnership'],
    metrics: [],
    source: 'award',
    sourceNote: AWARDS_NOTE,
    illustrative: false,
  },
  {
    title: "Local Innovation Awards 2010: 'Bright Ideas'",
    summary: "Northumberland Council and Halton Borough Council received innovation development awards in the 'Bright Ideas' category.",
    body: "The Improvement Board's report records: \u201cMerseyside Fire & Rescue Service, Northumberland Council and Halton Borough Council also received innovation development awards in the 'Bright Ideas' category.\u201d",
    councils: ['E06000057', 'E06000006'],
    themes: ['innovation'],
    metrics: [],
    source: 'award',
    sourceNote: AWARDS_NOTE,
    illustrative: false,
  },
  {
    title: 'More adults active through a county-wide walking programme',
    summary: 'An invented example: parks, leisure centres and GP practices offered one walking programme across the county.',
    body: 'County Durham brought its leisure centres, parks teams and GP practices behind one programme of led walks, free to any adult.\n\nPractice nurses referred inactive patients; volunteers led the walks from every market town; the council counted walkers at each session and set the figures beside the Active Lives survey each year.',
    councils: ['E06000047'],
    themes: ['health', 'physical-activity'],
    metrics: [{ metric: 'percentage-of-physically-active-adults', from: '2015/16', to: '2021/22' }],
    source: 'council',
    sourceNote: null,
    illustrative: true,
  },
  {
    title: 'Fewer five-year-olds with tooth decay after supervised brushing',
    summary: 'An invented example: every nursery and reception class brushed teeth each day with fluoride toothpaste.',
    body: 'Hartlepool offered every nursery and primary school a supervised toothbrushing scheme, with brushes, paste and training for staff.\n\nThe council followed the national dental survey of five-year-olds from one round to the next.',
    councils: ['E06000001'],
    themes: ['health', 'children'],
    metrics: [{ metric: 'percentage-of-5-year-olds-with-experience-of-visually-obvious-dentinal-decay', from: '2014/15', to: '2021/22' }],
    source: 'peer_challenge',
    sourceNote: 'Told to the peer challenge team on site (invented for the demo)',
    illustrative: true,
  },
  {
    title: 'Stop-smoking support taken to the workplace',
    summary: 'An invented example: stop-smoking advisers visited depots, factories and call centres on every shift.',
    body: 'County Durham took its stop-smoking service to the places where routine and manual workers are, at the times they work, with the large employers of the county.\n\nThe council tracked smoking among routine and manual workers in the Annual Population Survey.',
    councils: ['E06000047'],
    themes: ['health', 'smoking'],
    metrics: [{ metric: 'smoking-prevalence-in-adults-in-routine-and-manual-occupations-18-64-current-smokers-aps', from: '2016', to: '2022' }],
    source: 'efficiency_casebook',
    sourceNote: 'Invented for the demo, in the manner of the efficiency casebook (source 002)',
    illustrative: true,
  },
  {
    // Hartlepool's modelled unemployment rate to 2023 improved significantly by the engine's tests on
    // the demo's ONS figures (with their intervals), so the metric page lists it with this case study.
    title: 'A jobs hub in the town centre',
    summary: 'An invented example: employment advisers, training providers and employers under one roof in the town centre.',
    body: 'Hartlepool brought the council’s employment advisers, the college and local employers into one shop front on the high street, open six days a week.\n\nResidents out of work could see an adviser, sign up for training and meet employers in one visit; the council followed the modelled unemployment rate from year to year.',
    councils: ['E06000001'],
    themes: ['economy', 'employment'],
    metrics: [{ metric: 'modelled-unemployment-rate', from: '2019', to: '2023' }],
    source: 'council',
    sourceNote: null,
    illustrative: true,
  },
];

/** Writes the demo's case studies into an empty library; those naming areas or metrics the store does not hold are left out. */
export async function createDemoCaseStudies(sql: Sql, log: (line: string) => void): Promise<void> {
  const holder = await findOrganisationByName(sql, 'Sector improvement body');
  if (!holder) return;
  if ((await searchCaseStudies(sql, { kind: 'public' }, { offset: 0, limit: 1 })).total > 0) return;
  let written = 0;
  for (const draft of DEMO) {
    const known = await knownCodes(
      sql,
      draft.councils,
      draft.metrics.map((m) => m.metric),
    );
    const checked = checkCaseStudy(draft, { council: (c) => known.areas.has(c), metric: (m) => known.metrics.has(m) });
    if (checked.kind !== 'ok') continue;
    await createCaseStudy(sql, { ...draft, metrics: checked.metrics }, null, holder.id, 'published');
    written++;
  }
  if (written > 0) log(`Lantern: demo good-practice library: ${written} case studies (the invented ones marked illustrative)`);
}
