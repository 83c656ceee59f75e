// A report section's kind: figures (every section saved before kinds), or the
// councils' targets, which need no metrics and are narrowed by any given; a
// kind Lantern does not know is refused, naming the section's field.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkReportDefinition, sectionKind } from '../../../src/domain/report/report-definition.ts';

const check = (sections: unknown) =>
  checkReportDefinition(
    Object.freeze({ title: 'Targets', areas: ['E06000047'], group: 'region', notes: '', sections }),
    (c) => c === 'obesity',
    (c) => c === 'E06000047',
  );

describe('checkReportDefinition(sections[].kind)', () => {
  it('takes a targets section with no metrics, shown as a table whatever chart was asked', () => {
    assert.deepEqual(check([{ title: 'Our targets', kind: 'targets', chart: 'map' }]), {
      kind: 'ok',
      definition: { title: 'Targets', areas: ['E06000047'], group: 'region', notes: '', sections: [{ title: 'Our targets', metrics: [], chart: 'table', notes: '', kind: 'targets' }] },
    });
  });

  it('keeps the metrics that narrow a targets section, and checks them as any section’s', () => {
    const checked = check([{ title: 'Obesity targets', kind: 'targets', metrics: ['obesity'] }]);
    assert.equal(checked.kind === 'ok' && checked.definition.sections[0]!.metrics.join(), 'obesity');
    assert.deepEqual(check([{ title: 'Unknown', kind: 'targets', metrics: ['nothing-such'] }]), {
      kind: 'invalid',
      problems: [{ field: 'sections[0].metrics', message: 'not codes of metrics in the library: nothing-such' }],
    });
  });

  it('still asks a figures section for a metric, and saves it with no kind, as before', () => {
    assert.deepEqual(check([{ title: 'Figures', kind: 'figures' }]), { kind: 'invalid', problems: [{ field: 'sections[0].metrics', message: 'choose at least one metric' }] });
    const checked = check([{ title: 'Figures', metrics: ['obesity'] }]);
    assert.ok(checked.kind === 'ok' && !('kind' in checked.definition.sections[0]!));
  });

  it('refuses a kind it does not know, naming the field', () => {
    assert.deepEqual(check([{ title: 'Odd', kind: 'gossip', metrics: ['obesity'] }]), {
      kind: 'invalid',
      problems: [{ field: 'sections[0].kind', message: 'the kind of section must be one of figures, targets' }],
    });
  });
});

describe('sectionKind', () => {
  it('reads a section saved before kinds as figures', () => {
    assert.equal(sectionKind({}), 'figures');
    assert.equal(sectionKind({ kind: 'targets' }), 'targets');
  });
});
