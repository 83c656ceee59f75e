import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { percentagePositive, waveSeries, type SeriesCandidate } from '../../../src/domain/surveys/index.ts';
import { lgaSet } from './fixtures.ts';

const QUESTION = lgaSet().questions.find((question) => question.code === 'satisfied-with-council')!;

function survey(id: number, fieldworkEnd: string, changes: Partial<SeriesCandidate> = {}): SeriesCandidate {
  const counts = { very_satisfied: 500, fairly_satisfied: 0, neither: 0, fairly_dissatisfied: 0, very_dissatisfied: 500, dont_know: 0 };
  return Object.freeze({
    id,
    label: `survey ${id}`,
    method: 'telephone',
    tracker: null,
    fieldworkEnd,
    setCode: 'lga-resident-satisfaction',
    setVersion: 1,
    figure: percentagePositive(QUESTION, { questionCode: QUESTION.code, counts, base: 1000, weighted: null }),
    ...changes,
  });
}

const ids = (series: ReturnType<typeof waveSeries>) => series.waves.map((w) => [w.id, w.wave]);

describe('waveSeries(own, candidates)', () => {
  it("numbers a one-off survey and the council's earlier one-offs in the order of their fieldwork, leaving later ones out of its trend", () => {
    const own = survey(3, '2024-10-31');
    const series = waveSeries(own, [survey(9, '2025-10-31'), survey(1, '2022-10-31'), own, survey(2, '2023-10-31')]);
    assert.deepEqual(ids(series), [
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    assert.deepEqual(series.leftOut, []);
  });

  it('leaves out, each with its reason, a survey by another method, a tracker wave, and a question from another version of its set', () => {
    const own = survey(4, '2024-10-31');
    const series = waveSeries(own, [
      survey(1, '2021-10-31', { method: 'postal' }),
      survey(2, '2022-10-31', { tracker: { name: 'Residents panel', wave: 1 } }),
      survey(3, '2023-10-31', { setVersion: 2 }),
    ]);
    assert.deepEqual(ids(series), [[4, 1]]);
    assert.deepEqual(
      series.leftOut.map((l) => [l.id, l.reason]),
      [
        [1, 'It was done by post, not by telephone.'],
        [2, "It is a wave of the tracker 'Residents panel', a series of its own."],
        [3, 'It asked the question from version 2 of its set, not version 1: the wording may differ.'],
      ],
    );
  });

  it("numbers a tracker's waves as the tracker does (a missing wave a gap), its name read without case or spaces, and leaves out the rest", () => {
    const own = survey(5, '2024-10-31', { tracker: { name: 'Residents Panel', wave: 4 } });
    const series = waveSeries(own, [
      survey(1, '2021-10-31', { tracker: { name: 'residents panel ', wave: 1 } }),
      survey(2, '2022-10-31', { tracker: { name: 'Residents Panel', wave: 2 } }),
      survey(3, '2023-10-31'),
      survey(6, '2025-10-31', { tracker: { name: 'Residents Panel', wave: 5 } }),
    ]);
    assert.deepEqual(ids(series), [
      [1, 1],
      [2, 2],
      [5, 4],
    ]);
    assert.deepEqual(
      series.leftOut.map((l) => l.reason),
      ["It is not a wave of the tracker 'Residents Panel'."],
    );
  });
});
