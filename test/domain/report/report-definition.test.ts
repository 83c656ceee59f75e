// Checking a report definition as people send it: every problem named by
// its field, nothing half-accepted.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkReportDefinition, REPORT_LIMITS } from '../../../src/domain/report/report-definition.ts';

const METRICS = new Set(['active-adults', 'obesity']);
const AREAS = new Set(['E06000047', 'E08000035']);
const check = (input: unknown) =>
  checkReportDefinition(
    input,
    (c) => METRICS.has(c),
    (c) => AREAS.has(c),
  );
const GOOD = { title: ' Our priorities ', areas: 'e06000047, E08000035', group: 'region', notes: '', sections: [{ title: 'Health', metrics: ['obesity'], chart: 'bar' }] };

describe('checkReportDefinition', () => {
  it('accepts a definition, trimming titles, upper-casing codes and defaulting a section to a table', () => {
    const checked = check({ ...GOOD, sections: [{ title: 'Health', metrics: 'obesity active-adults' }] });
    assert.deepEqual(checked, {
      kind: 'ok',
      definition: {
        title: 'Our priorities',
        areas: ['E06000047', 'E08000035'],
        group: 'region',
        notes: '',
        sections: [{ title: 'Health', metrics: ['obesity', 'active-adults'], chart: 'table', notes: '' }],
      },
    });
  });

  it('names every field that is wrong', () => {
    const checked = check({ title: '', areas: ['E06000047', 'E06999999'], group: 'planet', sections: [{ title: 'x', metrics: ['no-such'], chart: 'pie' }, 'nonsense'] });
    assert.equal(checked.kind, 'invalid');
    assert.deepEqual(checked.kind === 'invalid' ? checked.problems.map((p) => p.field) : [], [
      'title',
      'areas',
      'group',
      'sections[0].metrics',
      'sections[0].chart',
      'sections[1]',
      'sections[1].title',
      'sections[1].metrics',
    ]);
  });

  it('refuses an empty report, too many sections, over-long text and control characters', () => {
    const fields = (input: unknown) => {
      const c = check(input);
      return c.kind === 'invalid' ? c.problems.map((p) => `${p.field}: ${p.message}`) : [];
    };
    assert.deepEqual(fields({ ...GOOD, areas: [], sections: [] }), ['areas: choose at least one council', 'sections: a report needs at least one section']);
    assert.match(fields({ ...GOOD, sections: Array.from({ length: REPORT_LIMITS.sections + 1 }, () => GOOD.sections[0]) })[0]!, /at most 40 sections/);
    assert.deepEqual(fields({ ...GOOD, title: 'x'.repeat(201) }), ['title: this is longer than 200 characters']);
    assert.deepEqual(fields({ ...GOOD, notes: 'a\u0007b' }), ['notes: this holds a control character']);
    assert.deepEqual(fields(null)[0], ': a report definition must be an object');
    assert.deepEqual(fields({ ...GOOD, areas: 7 }), ['areas: this must be a list of GSS codes of councils Lantern holds']);
  });
});
