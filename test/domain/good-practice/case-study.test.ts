// checkCaseStudy(draft, known): each problem names its field; a good draft
// comes back with its periods read.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkCaseStudy, type CaseStudyDraft } from '../../../src/domain/good-practice/index.ts';

const KNOWN = { metric: (code: string) => code === 'rough-sleeping', council: (code: string) => code === 'E06000047' || code === 'E06000001' };

const GOOD: CaseStudyDraft = Object.freeze({
  title: 'Rough sleeping halved in two winters',
  summary: 'A shared assessment hub with health partners.',
  body: 'The council and its partners opened one door for every person sleeping rough.',
  councils: Object.freeze(['E06000047']),
  themes: Object.freeze(['housing']),
  metrics: Object.freeze([Object.freeze({ metric: 'rough-sleeping', from: '2019/20', to: '2022/23' })]),
  source: 'council',
  sourceNote: null,
  illustrative: true,
});

const fieldsOf = (draft: CaseStudyDraft) => {
  const checked = checkCaseStudy(draft, KNOWN);
  return checked.kind === 'invalid' ? checked.problems.map((p) => p.field) : [];
};

describe('checkCaseStudy(draft, known)', () => {
  it('accepts a whole draft and reads its periods', () => {
    const checked = checkCaseStudy(GOOD, KNOWN);
    assert.equal(checked.kind, 'ok');
    assert.equal(checked.kind === 'ok' && checked.metrics[0]!.fromPeriod.start, '2019-04-01');
    assert.equal(checked.kind === 'ok' && checked.metrics[0]!.toPeriod.end, '2023-03-31');
  });

  it('names every empty field of words', () => {
    assert.deepEqual(fieldsOf({ ...GOOD, title: ' ', summary: '', body: '\n' }), ['title', 'summary', 'body']);
  });

  it('needs a council Lantern knows, each once', () => {
    assert.deepEqual(fieldsOf({ ...GOOD, councils: [] }), ['councils']);
    assert.deepEqual(fieldsOf({ ...GOOD, councils: ['E09999999'] }), ['councils']);
    assert.deepEqual(fieldsOf({ ...GOOD, councils: ['E06000047', 'E06000047'] }), ['councils']);
  });

  it('refuses a theme that is not a short lower-case word', () => {
    assert.deepEqual(fieldsOf({ ...GOOD, themes: ['Housing & homes'] }), ['themes']);
  });

  it('names the metric row and part it refuses: unknown metric, unreadable period, backwards or mixed kinds', () => {
    assert.deepEqual(fieldsOf({ ...GOOD, metrics: [{ metric: 'no-such', from: '2019/20', to: '2020/21' }] }), ['metrics[0].metric']);
    assert.deepEqual(fieldsOf({ ...GOOD, metrics: [GOOD.metrics[0]!, { metric: 'rough-sleeping', from: 'last year', to: '2020/21' }] }), ['metrics[1].from']);
    assert.deepEqual(fieldsOf({ ...GOOD, metrics: [{ metric: 'rough-sleeping', from: '2022/23', to: '2019/20' }] }), ['metrics[0].to']);
    assert.deepEqual(fieldsOf({ ...GOOD, metrics: [{ metric: 'rough-sleeping', from: '2022/23', to: '2022/23' }] }), ['metrics[0].to']);
    assert.deepEqual(fieldsOf({ ...GOOD, metrics: [{ metric: 'rough-sleeping', from: '2019', to: '2022/23' }] }), ['metrics[0].to']);
  });

  it('asks where a case study from a paper or an award is told, but not the council’s own account', () => {
    assert.deepEqual(fieldsOf({ ...GOOD, source: 'efficiency_casebook', sourceNote: null }), ['sourceNote']);
    assert.deepEqual(fieldsOf({ ...GOOD, source: 'award', sourceNote: 'Municipal Journal awards, 2009' }), []);
    assert.deepEqual(fieldsOf({ ...GOOD, source: 'rumour' as never }), ['source']);
  });

  it('refuses words over their limits, saying how long they are', () => {
    const checked = checkCaseStudy({ ...GOOD, title: 'x'.repeat(201) }, KNOWN);
    assert.equal(checked.kind, 'invalid');
    assert.match(checked.kind === 'invalid' ? checked.problems[0]!.message : '', /at most 200 characters \(it is 201\)/);
  });
});
