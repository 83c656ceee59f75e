// decide() for early warning and improvement cases, every cell written out by
// hand from issue 19: a flag is read by the sector body's advisers, Panel and
// peer challenge managers and by the council it is about, and acknowledged by
// advisers; a case is restricted to the sector body that holds it and the
// council, changed and shared (referred) by the body's advisers; a
// confidential note is read by its author and the people it names alone,
// never by the council. Another council's officer reads none of them.
import { guardedRecord } from '../../../src/domain/access/index.ts';
import { AUTHOR, CAST, DURHAM, ORG } from './cast.ts';
import { walk, type Row } from './walk.ts';

const SIGN_IN: Row = ['sign_in_required', 'sign_in_required', 'sign_in_required'];
/** For kinds no one shares: the grant refuses sharing before asking who signed in. */
const SIGN_IN_UNSHARED: Row = ['sign_in_required', 'sign_in_required', 'not_possible'];

walk('a flag about County Durham', guardedRecord('flag', 'restricted', { subjectArea: DURHAM, subjectReads: true }), {
  public: SIGN_IN_UNSHARED,
  author: ['allow', 'allow', 'not_possible'],
  performance_officer: ['allow', 'role', 'not_possible'],
  council_member: ['allow', 'role', 'not_possible'],
  principal_adviser: ['allow', 'allow', 'not_possible'],
  regional_partner: ['not_in_audience', 'role', 'not_possible'],
  panel_member: ['allow', 'role', 'not_possible'],
  government_officer: ['not_in_audience', 'role', 'not_possible'],
  inspector: ['not_in_audience', 'role', 'not_possible'],
  peer_challenge_manager: ['allow', 'role', 'not_possible'],
  administrator: ['not_in_audience', 'role', 'not_possible'],
  otherCouncil: ['not_in_audience', 'role', 'not_possible'],
});

const improvementCase = (shared: readonly number[] = []) =>
  guardedRecord('improvement_case', 'restricted', {
    subjectArea: DURHAM,
    subjectReads: true,
    ownerOrganisation: ORG.sectorBody,
    author: AUTHOR.userId,
    sharedWithOrganisations: shared,
    shareable: true,
  });

/** The case as held: the sector body and the council, nobody else. */
const CASE: Readonly<Record<string, Row>> = {
  public: SIGN_IN,
  author: ['allow', 'allow', 'allow'],
  performance_officer: ['allow', 'role', 'role'],
  council_member: ['allow', 'role', 'role'],
  principal_adviser: ['allow', 'allow', 'allow'],
  regional_partner: ['not_in_audience', 'role', 'role'],
  panel_member: ['not_in_audience', 'role', 'role'],
  government_officer: ['not_in_audience', 'role', 'role'],
  inspector: ['not_in_audience', 'role', 'role'],
  peer_challenge_manager: ['allow', 'role', 'role'],
  administrator: ['not_in_audience', 'role', 'role'],
  otherCouncil: ['not_in_audience', 'role', 'role'],
};
walk('an improvement case about County Durham', improvementCase(), CASE);
walk('the case referred to the Panel', improvementCase([ORG.panel]), { ...CASE, panel_member: ['allow', 'role', 'role'] });

walk(
  'a confidential note naming the Panel member',
  guardedRecord('case_note', 'confidential', { subjectArea: DURHAM, ownerOrganisation: ORG.sectorBody, author: AUTHOR.userId, sharedWithUsers: [CAST.panel_member.userId] }),
  {
    public: SIGN_IN_UNSHARED,
    author: ['allow', 'allow', 'not_possible'],
    performance_officer: ['not_in_audience', 'role', 'not_possible'],
    council_member: ['not_in_audience', 'role', 'not_possible'],
    principal_adviser: ['not_in_audience', 'not_author', 'not_possible'],
    regional_partner: ['not_in_audience', 'role', 'not_possible'],
    panel_member: ['allow', 'role', 'not_possible'],
    government_officer: ['not_in_audience', 'role', 'not_possible'],
    inspector: ['not_in_audience', 'role', 'not_possible'],
    peer_challenge_manager: ['not_in_audience', 'role', 'not_possible'],
    administrator: ['not_in_audience', 'role', 'not_possible'],
    otherCouncil: ['not_in_audience', 'role', 'not_possible'],
  },
);

walk('a Panel meeting held by the sector body', guardedRecord('panel_meeting', 'restricted', { ownerOrganisation: ORG.sectorBody }), {
  public: SIGN_IN_UNSHARED,
  author: ['allow', 'allow', 'not_possible'],
  performance_officer: ['role', 'role', 'not_possible'],
  council_member: ['role', 'role', 'not_possible'],
  principal_adviser: ['allow', 'allow', 'not_possible'],
  regional_partner: ['role', 'role', 'not_possible'],
  panel_member: ['allow', 'allow', 'not_possible'],
  government_officer: ['role', 'role', 'not_possible'],
  inspector: ['role', 'role', 'not_possible'],
  peer_challenge_manager: ['role', 'role', 'not_possible'],
  administrator: ['role', 'role', 'not_possible'],
  otherCouncil: ['role', 'role', 'not_possible'],
});
