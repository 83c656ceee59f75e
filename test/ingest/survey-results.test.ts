// A survey's results read from a file, CSV or spreadsheet: a line per answer
// option, the base and effective base given once per question, headers in
// any case and below a title; and every problem named by its line and column.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatRejection } from '../../src/domain/batch/index.ts';
import { keptQuestionSets } from '../../src/ingest/question-sets.ts';
import { readSurveyResults } from '../../src/ingest/survey-results.ts';
import { textStream } from '../support/data.ts';
import { xlsxFile } from '../support/spreadsheets.ts';

async function problemsOf(text: string): Promise<string[]> {
  const read = await readSurveyResults('results.csv', textStream(text));
  assert.equal(read.kind, 'refused');
  return read.kind === 'refused' ? read.problems.map((p) => formatRejection('results.csv', p)) : [];
}

describe('survey results files', () => {
  it('reads counts per option, a base given once, and weighted percentages with their effective base', async () => {
    const read = await readSurveyResults(
      'results.csv',
      textStream(
        [
          'Question,Option,Count,Weighted percentage,Base,Effective base',
          'local-area,very_satisfied,300,31.5,1000,810',
          'local-area,fairly_satisfied,400,38.5,,',
          'local-area,dont_know,300,30,,810',
          '',
          'council,very_satisfied,5,,,',
          'council,dont_know,7,,,',
        ].join('\n'),
      ),
    );
    assert.equal(read.kind, 'read');
    if (read.kind !== 'read') return;
    assert.deepEqual(read.results, [
      {
        questionCode: 'local-area',
        counts: { very_satisfied: 300, fairly_satisfied: 400, dont_know: 300 },
        base: 1000,
        weighted: { percentages: { very_satisfied: 31.5, fairly_satisfied: 38.5, dont_know: 30 }, effectiveBase: 810 },
      },
      { questionCode: 'council', counts: { very_satisfied: 5, dont_know: 7 }, base: 12, weighted: null },
    ]);
    assert.deepEqual(
      [...read.lines],
      [
        ['local-area', 2],
        ['council', 6],
      ],
    );
  });

  it('reads a spreadsheet whose header sits below a title', async () => {
    const file = await xlsxFile([
      {
        name: 'Results',
        rows: [['Residents survey 2023: results'], [], ['question', 'option', 'count'], ['local-area', 'very_satisfied', 12], ['local-area', 'dont_know', 3]],
      },
    ]);
    const read = await readSurveyResults('results.xlsx', textStream(file));
    assert.equal(read.kind, 'read');
    assert.deepEqual(read.kind === 'read' && read.results[0]?.counts, { very_satisfied: 12, dont_know: 3 });
  });

  it('names the file, line and column of every problem', async () => {
    assert.deepEqual(await problemsOf('question,option,count,colour\nlocal-area,very_satisfied,1,red'), [
      "results.csv:1: column 'colour': is not a column of a results file (question, option, count, weighted_percentage, base, effective_base)",
    ]);
    assert.deepEqual(await problemsOf('question,option\nlocal-area,very_satisfied'), ["results.csv:1: column 'count': is missing: a results file has question, option and count"]);
    assert.deepEqual(
      await problemsOf(
        [
          'question,option,count,weighted_percentage,base',
          'local-area,very_satisfied,many,,',
          ',very_satisfied,3,,',
          'local-area,,3,,',
          'local-area,fairly_satisfied,3,140,',
          'local-area,dont_know,3,,20',
          'local-area,neither,3,,21',
          'local-area,dont_know,4,,',
        ].join('\n'),
      ),
      [
        "results.csv:2: column 'count': 'many' is not a count: give a whole number of respondents, 0 or more",
        "results.csv:3: column 'question': is empty: name the question by its code",
        "results.csv:4: column 'option': is empty: name the answer option of 'local-area' by its code",
        "results.csv:5: column 'weighted_percentage': '140' is not a percentage from 0 to 100",
        "results.csv:7: column 'base': 21 differs from 20 given for 'local-area' on an earlier line",
        "results.csv:8: column 'option': 'dont_know' of 'local-area' is given twice",
      ],
    );
    assert.deepEqual(await problemsOf('question,option,count,weighted_percentage\nlocal-area,very_satisfied,3,50'), [
      "results.csv:2: column 'effective_base': is missing for 'local-area': weighted percentages are as precise as their effective base",
    ]);
    assert.deepEqual(await problemsOf('question,option,count\n'), ['results.csv:1: the file holds no results']);
  });

  it("reads the question sets kept with Lantern through the domain's reader", () => {
    const sets = keptQuestionSets();
    const lga = sets.find((set) => set.code === 'lga-resident-satisfaction');
    assert.ok(lga, 'the LGA set is kept in data/surveys');
    assert.ok(lga.questions.some((q) => q.benchmarkable && q.metricCode === 'residents-satisfied-with-council'));
  });
});
