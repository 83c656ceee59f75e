import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conflictsOf } from '../../../src/domain/peer-challenge/index.ts';
import { peer, PLACES } from './pool.ts';

const BABERGH = PLACES.get('E07000200')!;
const SUFFOLK = PLACES.get('E10000029')!;
const kinds = (councilCode: string | null, at = BABERGH, changes = {}) => conflictsOf(peer('p', { councilCode, ...changes }), at, PLACES).map((c) => c.kind);

describe('conflictsOf(peer, council, places)', () => {
  it('finds none for a peer from a council far away', () => {
    assert.deepEqual(kinds('E10000016'), []);
    assert.deepEqual(kinds(null), []);
  });

  it('names the own council', () => {
    assert.deepEqual(kinds('E07000200'), ['own_council']);
  });

  it('names the same county: two districts of one county, and a county and its district', () => {
    assert.deepEqual(kinds('E07000202'), ['same_county', 'shared_boundary']);
    assert.deepEqual(kinds('E10000029'), ['same_county']);
    assert.deepEqual(kinds('E07000202', SUFFOLK), ['same_county']);
  });

  it('names a shared boundary across a county line', () => {
    assert.deepEqual(kinds('E07000071'), ['shared_boundary']);
    assert.deepEqual(kinds('E10000020', SUFFOLK), ['shared_boundary']);
  });

  it('names a shared chief executive', () => {
    const sentences = conflictsOf(peer('p', { name: 'Ann Chief', councilCode: 'E07000203' }), BABERGH, PLACES).map((c) => c.sentence);
    assert.deepEqual(sentences, [
      "Ann Chief's council, Mid Suffolk, is in the same county as Babergh",
      "Ann Chief's council, Mid Suffolk, shares a boundary with Babergh",
      "Ann Chief's council, Mid Suffolk, shares its chief executive with Babergh",
    ]);
  });

  it('names a declared conflict with its reason', () => {
    const conflicts = conflictsOf(peer('p', { name: 'Cllr Bell', declaredConflicts: [{ councilCode: 'E07000200', reason: 'former employee' }] }), BABERGH, PLACES);
    assert.deepEqual(conflicts, [{ kind: 'declared', sentence: 'Cllr Bell declared a conflict with Babergh: former employee' }]);
  });
});
