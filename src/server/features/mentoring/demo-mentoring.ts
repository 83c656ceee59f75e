// The demo's mentoring, so that the mentoring pages have something to show:
// two mentors added to the peer pool (made up, and named so) and two
// arrangements for County Durham, arranged by the sector body: its chief
// executive's, open with two sessions, and its leader's, closed with a
// review. The sessions carry no notes: notes are the pair's, and the demo
// has no pair who sign in. Each mentor is checked against the council by the
// peer pool's conflict rules first. Made once, when Durham's organisation and
// the sector body are there and no arrangement is; audited as the demo.
import { checkArrangement, mentorConflicts, type ArrangementDraft } from '../../../domain/mentoring/index.ts';
import { recordAudit } from '../../../store/audit.ts';
import { getArea } from '../../../store/catalogue.ts';
import { addSession, arrangements, createArrangement, recordReview } from '../../../store/mentoring.ts';
import { findOrganisationByName } from '../../../store/organisations.ts';
import { addPeer, peerPool, placesOf } from '../../../store/peer-pool.ts';
import type { Sql } from '../../../store/store.ts';
import { madeByDemo } from '../../platform/access/demo-audit.ts';
const DURHAM = 'E06000047';
const CORNWALL = 'E06000052';

export async function createDemoMentoring(sql: Sql, log: (line: string) => void): Promise<void> {
  const durham = await findOrganisationByName(sql, 'Durham County Council');
  const sectorBody = await findOrganisationByName(sql, 'Sector improvement body');
  if (!durham || !sectorBody || (await arrangements(sql)).length > 0) return;
  const made = await sql.begin(async (tx) => {
    const far = (await getArea(tx, CORNWALL)) ? CORNWALL : null;
    const mentor = async (name: string, councilCode: string | null) => {
      const added = await addPeer(tx, { name, role: 'chief_executive', party: null, councilCode, skills: ['leadership', 'finance'], sectorExperience: ['unitary', 'county'], unavailable: [] }, null);
      if (added.kind !== 'ok') throw new Error(`the demo mentor ${name} is refused: ${added.problem.message}`);
      return added.id;
    };
    const mentors = [await mentor('Alex Former-Chief (synthetic)', far), await mentor('Rowan Independent (synthetic)', null)];
    const places = await placesOf(tx, [DURHAM, ...(far ? [far] : [])]);
    const pool = await peerPool(tx, new Date().toISOString().slice(0, 10), mentors);
    const drafts: ArrangementDraft[] = [
      {
        menteeName: 'Demo chief executive (synthetic)',
        menteeRole: 'chief_executive',
        councilCode: DURHAM,
        objectives: ['Settle the new senior team', 'A medium-term financial plan members own'],
        startOn: '2026-09-01',
        endOn: '2027-02-26',
      },
      { menteeName: 'Demo leader (synthetic)', menteeRole: 'leader', councilCode: DURHAM, objectives: ['Cabinet and scrutiny working to one plan'], startOn: '2026-01-05', endOn: '2026-06-26' },
    ];
    const ids: number[] = [];
    for (const [i, draft] of drafts.entries()) {
      const peer = pool[i]!;
      const refused = [...checkArrangement(draft), ...mentorConflicts(peer, places.get(DURHAM)!, places)];
      if (refused.length > 0) throw new Error(`the demo mentoring is refused: ${refused.map((p) => p.message).join('; ')}`);
      const arranged = await createArrangement(tx, { ...draft, mentorPeerId: Number(peer.id), menteeUserId: null, organisationId: sectorBody.id }, null);
      if (arranged.kind !== 'ok') continue;
      ids.push(arranged.id);
      const days = i === 0 ? ['2026-09-15', '2026-10-20'] : ['2026-02-02', '2026-04-13', '2026-06-15'];
      for (const heldOn of days) await addSession(tx, arranged.id, { heldOn, minutes: 90, notes: '' }, [], null);
      if (i === 1) await recordReview(tx, arranged.id, { helpful: 'yes', whatChanged: 'Cabinet and scrutiny now meet on one plan each quarter (synthetic)' });
    }
    await recordAudit(
      tx,
      ids.map((id) => madeByDemo('mentoring', id, 'made a synthetic demo mentoring arrangement')),
    );
    return ids.length;
  });
  log(`Lantern: made ${made} synthetic demo mentoring arrangements for County Durham`);
}
