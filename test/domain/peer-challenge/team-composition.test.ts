import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkComposition, type TeamMember } from '../../../src/domain/peer-challenge/index.ts';

const LEAD: TeamMember = Object.freeze({ peerId: 'p1', name: 'Ann Chief', role: 'chief_executive', lead: true });
const MEMBER: TeamMember = Object.freeze({ peerId: 'p2', name: 'Cllr Bell', role: 'councillor', lead: false });
const MANAGER: TeamMember = Object.freeze({ peerId: 'p3', name: 'Cy Manager', role: 'manager', lead: false });
const DIRECTOR: TeamMember = Object.freeze({ peerId: 'p4', name: 'Di Rector', role: 'director', lead: false });

describe('checkComposition(kind, team, rule)', () => {
  it('confirms a corporate team of a lead chief executive, a member peer and a manager', () => {
    assert.deepEqual(checkComposition('corporate', [LEAD, MEMBER, MANAGER, DIRECTOR]), []);
  });

  it('names every place a corporate team leaves empty', () => {
    const problems = checkComposition('corporate', [DIRECTOR]);
    assert.deepEqual(
      problems.map((p) => p.message),
      ["'team': a corporate team needs a lead chief executive, a member peer, a peer challenge manager: missing"],
    );
  });

  it('does not count a chief executive who is not the lead as the lead', () => {
    assert.match(checkComposition('corporate', [{ ...LEAD, lead: false }, MEMBER, MANAGER])[0]!.message, /needs a lead chief executive: missing/);
  });

  it('refuses an empty team, a peer twice and two leads', () => {
    assert.equal(checkComposition('corporate', [])[0]!.message, "'team': a team needs peers");
    assert.match(checkComposition('corporate', [LEAD, MEMBER, MANAGER, MEMBER])[0]!.message, /Cllr Bell is on the team twice/);
    assert.match(checkComposition('corporate', [LEAD, MEMBER, { ...MANAGER, lead: true }])[0]!.message, /one lead/);
  });

  it('asks a safeguarding team for a director and a manager', () => {
    assert.deepEqual(checkComposition('safeguarding', [DIRECTOR, MANAGER]), []);
    assert.match(checkComposition('safeguarding', [MANAGER])[0]!.message, /director of children's services/);
  });
});
