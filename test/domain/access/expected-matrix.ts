// The expected answer of every cell: role × classification × action, for an
// intelligence item about County Durham written by a principal adviser of the
// sector body, shareable (it has evidence) and shared with no one. Written out
// by hand from the information sharing protocol, not computed: 'allow', or the
// reason for refusal. `author` is the adviser who wrote it; `public` is no
// sign-in. The policy test and the route matrix both check every cell.
import type { Action, Classification, DenialReason, Role } from '../../../src/domain/access/index.ts';

export type Cell = 'allow' | DenialReason;
export type Who = Role | 'public' | 'author';
type Row = Readonly<Record<Action, Cell>>;

const open: Row = { read: 'allow', change: 'role', share: 'role' };
const openToCouncil: Row = open;
const unshared: Row = { read: 'not_in_audience', change: 'role', share: 'role' };

export const EXPECTED: Readonly<Record<Classification, Readonly<Record<Who, Row>>>> = {
  public: {
    public: { read: 'allow', change: 'sign_in_required', share: 'sign_in_required' },
    author: { read: 'allow', change: 'allow', share: 'not_shareable' },
    principal_adviser: { read: 'allow', change: 'not_author', share: 'not_shareable' },
    performance_officer: openToCouncil,
    council_member: openToCouncil,
    regional_partner: open,
    panel_member: open,
    government_officer: open,
    inspector: open,
    peer_challenge_manager: open,
    administrator: open,
  },
  sector: {
    public: { read: 'sign_in_required', change: 'sign_in_required', share: 'sign_in_required' },
    author: { read: 'allow', change: 'allow', share: 'not_shareable' },
    principal_adviser: { read: 'allow', change: 'not_author', share: 'not_shareable' },
    performance_officer: open,
    council_member: open,
    regional_partner: open,
    panel_member: open,
    government_officer: open,
    inspector: open,
    peer_challenge_manager: open,
    administrator: open,
  },
  restricted: {
    public: { read: 'sign_in_required', change: 'sign_in_required', share: 'sign_in_required' },
    author: { read: 'allow', change: 'allow', share: 'allow' },
    // a colleague in the organisation that holds it
    principal_adviser: { read: 'allow', change: 'allow', share: 'allow' },
    performance_officer: unshared,
    council_member: unshared,
    regional_partner: unshared,
    panel_member: unshared,
    government_officer: unshared,
    inspector: unshared,
    // in the holding organisation, so reads; not an adviser, so no change or share
    peer_challenge_manager: { read: 'allow', change: 'role', share: 'role' },
    administrator: unshared,
  },
  confidential: {
    public: { read: 'sign_in_required', change: 'sign_in_required', share: 'sign_in_required' },
    author: { read: 'allow', change: 'allow', share: 'allow' },
    principal_adviser: { read: 'not_in_audience', change: 'not_author', share: 'not_author' },
    performance_officer: unshared,
    council_member: unshared,
    regional_partner: unshared,
    panel_member: unshared,
    government_officer: unshared,
    inspector: unshared,
    peer_challenge_manager: unshared,
    administrator: unshared,
  },
};
