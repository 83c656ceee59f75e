// The record guards of a council's own data give the policy what its table
// (test/domain/access/councils-data-policy.test.ts) expects: held by the
// council, read by it, shared with the release rule's organisations, public
// from the rule's instant.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decide } from '../../../src/domain/access/index.ts';
import { councilReturnRecord, surveyRecord } from '../../../src/server/platform/access/held-records.ts';
import { CAST, DURHAM, ORG } from '../../domain/access/cast.ts';

const NOW = Date.UTC(2026, 11, 5, 9, 30);
const reads = (record: ReturnType<typeof councilReturnRecord>, who: keyof typeof CAST) => decide(CAST[who], 'read', record, NOW).allowed;

for (const [label, guard] of [
  ['councilReturnRecord', councilReturnRecord],
  ['surveyRecord', surveyRecord],
] as const) {
  describe(label, () => {
    it('is restricted to the council that holds it until released', () => {
      const record = guard({ areaCode: DURHAM, ownerOrganisationId: ORG.durham });
      assert.equal(record.classification, 'restricted');
      assert.equal(record.kind, label === 'surveyRecord' ? 'survey' : 'council_return');
      assert.equal(reads(record, 'performance_officer'), true);
      assert.equal(reads(record, 'council_member'), true);
      assert.equal(reads(record, 'regional_partner'), false);
      assert.equal(decide(CAST.performance_officer, 'share', record, NOW).allowed, true);
    });

    it('is read by the organisations its release rule shares it with', () => {
      const record = guard({ areaCode: DURHAM, ownerOrganisationId: ORG.durham, sharedWithOrganisations: [ORG.region] });
      assert.equal(reads(record, 'regional_partner'), true);
      assert.equal(reads(record, 'government_officer'), false);
    });

    it('is public from the release instant, not before', () => {
      const released = guard({ areaCode: DURHAM, ownerOrganisationId: ORG.durham, releasedFrom: NOW - 1 });
      const pending = guard({ areaCode: DURHAM, ownerOrganisationId: ORG.durham, releasedFrom: NOW + 1 });
      assert.equal(reads(released, 'inspector'), true);
      assert.equal(reads(pending, 'inspector'), false);
    });
  });
}
