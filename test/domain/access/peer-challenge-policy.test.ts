// decide() for peer challenge and the support offer, every cell written out
// by hand from issue 21: the offer and budgets are public and changed only
// by the provider that holds them; a council's request is read by the
// provider, the council and whoever asked; a challenge's scoping and drafts
// by the sector body, the council and the team, and run by peer challenge
// managers, the council's performance officers recording its actions and
// evidence against the recommendations; a peer's details by the managers and the peer; what a mentor and
// mentee record, by the pair alone; a saving by its council and the regional
// partnership, which verifies it; a draft case study by its council and the
// library's moderators.
import { guardedRecord } from '../../../src/domain/access/index.ts';
import { CAST, DURHAM, ORG } from './cast.ts';
import { OTHER_COUNCIL, walk, type Row } from './walk.ts';

const PUBLIC_UNSHARED: Row = ['allow', 'sign_in_required', 'not_possible'];
const SIGN_IN_UNSHARED: Row = ['sign_in_required', 'sign_in_required', 'not_possible'];

walk("the sector body's offer of a corporate peer challenge", guardedRecord('support_offer', 'public', { ownerOrganisation: ORG.sectorBody }), {
  public: PUBLIC_UNSHARED,
  performance_officer: ['allow', 'role', 'not_possible'],
  principal_adviser: ['allow', 'allow', 'not_possible'],
  peer_challenge_manager: ['allow', 'allow', 'not_possible'],
  regional_partner: ['allow', 'not_author', 'not_possible'],
  administrator: ['allow', 'role', 'not_possible'],
});

walk("a regional partnership's improvement budget", guardedRecord('funding', 'public', { ownerOrganisation: ORG.region }), {
  public: PUBLIC_UNSHARED,
  regional_partner: ['allow', 'allow', 'not_possible'],
  principal_adviser: ['allow', 'not_author', 'not_possible'],
  performance_officer: ['allow', 'role', 'not_possible'],
});

walk(
  "County Durham's chief executive asking the sector body for a mentor",
  guardedRecord('support_request', 'restricted', { subjectArea: DURHAM, subjectReads: true, ownerOrganisation: ORG.sectorBody, author: CAST.council_member.userId }),
  {
    public: SIGN_IN_UNSHARED,
    council_member: ['allow', 'allow', 'not_possible'],
    performance_officer: ['allow', 'not_author', 'not_possible'],
    principal_adviser: ['allow', 'allow', 'not_possible'],
    peer_challenge_manager: ['allow', 'allow', 'not_possible'],
    regional_partner: ['not_in_audience', 'not_author', 'not_possible'],
    panel_member: ['not_in_audience', 'role', 'not_possible'],
    government_officer: ['not_in_audience', 'role', 'not_possible'],
    inspector: ['not_in_audience', 'role', 'not_possible'],
    administrator: ['not_in_audience', 'role', 'not_possible'],
    otherCouncil: ['not_in_audience', 'not_author', 'not_possible'],
  },
);

// A rating is held by the council that had the support: each of its people who may ask for support
// (members and performance officers) rates it, not only the one who asked; the provider reads it.
walk(
  "County Durham's rating of the mentor the sector body gave",
  guardedRecord('support_rating', 'restricted', { subjectArea: DURHAM, subjectReads: true, ownerOrganisation: ORG.durham, author: 0, sharedWithOrganisations: [ORG.sectorBody] }),
  {
    public: SIGN_IN_UNSHARED,
    council_member: ['allow', 'allow', 'not_possible'],
    performance_officer: ['allow', 'allow', 'not_possible'],
    principal_adviser: ['allow', 'role', 'not_possible'],
    peer_challenge_manager: ['allow', 'role', 'not_possible'],
    regional_partner: ['not_in_audience', 'role', 'not_possible'],
    panel_member: ['not_in_audience', 'role', 'not_possible'],
    government_officer: ['not_in_audience', 'role', 'not_possible'],
    inspector: ['not_in_audience', 'role', 'not_possible'],
    administrator: ['not_in_audience', 'role', 'not_possible'],
    otherCouncil: ['not_in_audience', 'not_author', 'not_possible'],
  },
);

// A rating once given is its rater's own: held by no organisation, so that the rater alone changes or
// withdraws it; a colleague of the same council, who may rate it too, may not touch it. It is read as the
// council's ratings are: by the council and the provider.
walk(
  "County Durham's chief executive's own rating of the mentor, to change or withdraw",
  guardedRecord('support_rating', 'restricted', { subjectArea: DURHAM, subjectReads: true, ownerOrganisation: null, author: CAST.council_member.userId, sharedWithOrganisations: [ORG.sectorBody] }),
  {
    public: SIGN_IN_UNSHARED,
    council_member: ['allow', 'allow', 'not_possible'],
    performance_officer: ['allow', 'not_author', 'not_possible'],
    principal_adviser: ['allow', 'role', 'not_possible'],
    peer_challenge_manager: ['allow', 'role', 'not_possible'],
    regional_partner: ['not_in_audience', 'role', 'not_possible'],
    panel_member: ['not_in_audience', 'role', 'not_possible'],
    government_officer: ['not_in_audience', 'role', 'not_possible'],
    inspector: ['not_in_audience', 'role', 'not_possible'],
    administrator: ['not_in_audience', 'role', 'not_possible'],
    author: ['allow', 'role', 'not_possible'],
    otherCouncil: ['not_in_audience', 'not_author', 'not_possible'],
  },
);

const challenge = (classification: 'restricted' | 'public') =>
  guardedRecord('peer_challenge', classification, {
    subjectArea: DURHAM,
    subjectReads: true,
    ownerOrganisation: ORG.sectorBody,
    sharedWithUsers: [CAST.regional_partner.userId],
    shareable: true,
  });

walk("County Durham's corporate peer challenge in scoping, with a regional partner on its team", challenge('restricted'), {
  public: ['sign_in_required', 'sign_in_required', 'sign_in_required'],
  peer_challenge_manager: ['allow', 'allow', 'allow'],
  principal_adviser: ['allow', 'role', 'role'],
  performance_officer: ['allow', 'role', 'role'],
  council_member: ['allow', 'role', 'role'],
  regional_partner: ['allow', 'role', 'role'],
  panel_member: ['not_in_audience', 'role', 'role'],
  government_officer: ['not_in_audience', 'role', 'role'],
  inspector: ['not_in_audience', 'role', 'role'],
  administrator: ['not_in_audience', 'role', 'role'],
  otherCouncil: ['not_in_audience', 'role', 'role'],
});

walk("the challenge's published report", challenge('public'), {
  public: ['allow', 'sign_in_required', 'sign_in_required'],
  peer_challenge_manager: ['allow', 'allow', 'not_shareable'],
  otherCouncil: ['allow', 'role', 'role'],
});

walk(
  "the actions and evidence against the challenge's recommendations",
  guardedRecord('challenge_action', 'restricted', {
    subjectArea: DURHAM,
    subjectReads: true,
    ownerOrganisation: ORG.sectorBody,
    sharedWithUsers: [CAST.regional_partner.userId],
  }),
  {
    public: SIGN_IN_UNSHARED,
    peer_challenge_manager: ['allow', 'allow', 'not_possible'],
    performance_officer: ['allow', 'allow', 'not_possible'],
    council_member: ['allow', 'role', 'not_possible'],
    principal_adviser: ['allow', 'role', 'not_possible'],
    author: ['allow', 'role', 'not_possible'],
    regional_partner: ['allow', 'role', 'not_possible'],
    panel_member: ['not_in_audience', 'role', 'not_possible'],
    government_officer: ['not_in_audience', 'role', 'not_possible'],
    inspector: ['not_in_audience', 'role', 'not_possible'],
    administrator: ['not_in_audience', 'role', 'not_possible'],
    otherCouncil: ['not_in_audience', 'not_author', 'not_possible'],
  },
);

const PEER_OUTSIDE: Row = ['not_in_audience', 'not_author', 'not_possible'];
walk("a member peer's details in the pool (the peer is County Durham's councillor)", guardedRecord('peer', 'restricted', { author: CAST.council_member.userId }), {
  public: SIGN_IN_UNSHARED,
  council_member: ['allow', 'allow', 'not_possible'],
  peer_challenge_manager: ['allow', 'allow', 'not_possible'],
  principal_adviser: PEER_OUTSIDE,
  performance_officer: PEER_OUTSIDE,
  regional_partner: PEER_OUTSIDE,
  panel_member: PEER_OUTSIDE,
  government_officer: PEER_OUTSIDE,
  inspector: PEER_OUTSIDE,
  administrator: PEER_OUTSIDE,
  otherCouncil: PEER_OUTSIDE,
});

walk("a peer's details in the pool, for a peer who does not sign in", guardedRecord('peer', 'restricted'), {
  public: SIGN_IN_UNSHARED,
  peer_challenge_manager: ['allow', 'allow', 'not_possible'],
  council_member: PEER_OUTSIDE,
  principal_adviser: PEER_OUTSIDE,
  performance_officer: PEER_OUTSIDE,
  regional_partner: PEER_OUTSIDE,
  administrator: PEER_OUTSIDE,
  otherCouncil: PEER_OUTSIDE,
});

walk(
  "a mentoring arrangement for County Durham's chief executive",
  guardedRecord('mentoring', 'restricted', { subjectArea: DURHAM, subjectReads: true, ownerOrganisation: ORG.sectorBody, author: CAST.peer_challenge_manager.userId }),
  {
    public: SIGN_IN_UNSHARED,
    peer_challenge_manager: ['allow', 'allow', 'not_possible'],
    principal_adviser: ['allow', 'allow', 'not_possible'],
    regional_partner: ['not_in_audience', 'not_author', 'not_possible'],
    council_member: ['allow', 'role', 'not_possible'],
    performance_officer: ['allow', 'role', 'not_possible'],
    panel_member: ['not_in_audience', 'role', 'not_possible'],
    administrator: ['not_in_audience', 'role', 'not_possible'],
    otherCouncil: ['not_in_audience', 'role', 'not_possible'],
  },
);

walk(
  "a mentor's note of a session, shared with the mentee",
  guardedRecord('mentoring_note', 'confidential', { subjectArea: DURHAM, author: OTHER_COUNCIL.userId, sharedWithUsers: [CAST.council_member.userId] }),
  {
    public: SIGN_IN_UNSHARED,
    otherCouncil: ['allow', 'allow', 'not_possible'],
    council_member: ['allow', 'not_author', 'not_possible'],
    performance_officer: PEER_OUTSIDE,
    peer_challenge_manager: PEER_OUTSIDE,
    principal_adviser: PEER_OUTSIDE,
    administrator: PEER_OUTSIDE,
  },
);

walk("County Durham's efficiency saving", guardedRecord('saving', 'restricted', { subjectArea: DURHAM, subjectReads: true, ownerOrganisation: ORG.durham }), {
  public: SIGN_IN_UNSHARED,
  performance_officer: ['allow', 'allow', 'not_possible'],
  council_member: ['allow', 'role', 'not_possible'],
  regional_partner: ['allow', 'allow', 'not_possible'],
  principal_adviser: ['not_in_audience', 'role', 'not_possible'],
  peer_challenge_manager: ['not_in_audience', 'role', 'not_possible'],
  administrator: ['not_in_audience', 'role', 'not_possible'],
  otherCouncil: ['not_in_audience', 'not_author', 'not_possible'],
});

const caseStudy = (classification: 'restricted' | 'public') =>
  guardedRecord('case_study', classification, { subjectArea: DURHAM, ownerOrganisation: ORG.durham, author: CAST.performance_officer.userId });

walk("County Durham's case study in draft", caseStudy('restricted'), {
  public: SIGN_IN_UNSHARED,
  performance_officer: ['allow', 'allow', 'not_possible'],
  council_member: ['allow', 'role', 'not_possible'],
  peer_challenge_manager: ['allow', 'allow', 'not_possible'],
  principal_adviser: ['not_in_audience', 'not_author', 'not_possible'],
  regional_partner: ['not_in_audience', 'not_author', 'not_possible'],
  administrator: ['not_in_audience', 'role', 'not_possible'],
  otherCouncil: ['not_in_audience', 'not_author', 'not_possible'],
});

walk('the case study published', caseStudy('public'), {
  public: PUBLIC_UNSHARED,
  performance_officer: ['allow', 'allow', 'not_possible'],
  peer_challenge_manager: ['allow', 'not_author', 'not_possible'],
  otherCouncil: ['allow', 'not_author', 'not_possible'],
});
