/**
 * Proposals of a meeting, answered by the organisation they commit (issue 17, part 4).
 *
 * A decision recorded without a present, mandated participant of the organisation it commits
 * waits here. The organisation's deciders (meetings.policy.ts) see it in their list — the
 * child's name and the proposal's text, nothing else of the network; a link to the child only
 * when they may open it — and confirm it (its action then enters the plan as a new version)
 * or decline it with a reason. Only the organisation's deciders may answer: anyone else,
 * another region included, gets 404 and an `access.denied` event on the child's chain.
 * An answer is given once: a second answer gets 409 with the proposal as it now is.
 */
import type { Db, Queryable } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';
import { addTimeline, auditDenied, notify, resolveAccess, resolveAccessMany } from '../../core/access.ts';
import { appendAudit, appendChildListReads, youngPersonChain } from '../../core/audit.ts';
import { actorRegions, type Actor } from '../../core/session.ts';
import { assertFreeText } from '../../core/free-text/sensitive-terms.ts';
import { appendActions } from '../plans/plans.service.ts';
import { answerableOrganisations, mayAnswerFor } from './meetings.policy.ts';
import type { ProposedAction } from './meetings.service.ts';
import type { ProposalAnswerBody } from './meetings.schemas.ts';

/** How long an answered proposal stays in the organisation's list (so the answer can be seen). */
const ANSWERED_VISIBLE_DAYS = 30;

interface ProposalRow {
  id: string; region_id: string; young_person_id: string; meeting_id: string; status: 'proposed' | 'confirmed' | 'declined'; text: string; proposed_action: unknown;
  commits_organisation_id: string; org_name: string; created_at: Date; scheduled_at: Date; proposed_by: string; created_by: string;
  given_name: string; family_name: string; answered_by: string | null; answered_at: Date | null; answer_note: string | null;
}

const SELECT = `SELECT d.id, d.region_id, d.young_person_id, d.meeting_id, d.status, d.text, d.proposed_action, d.commits_organisation_id, o.name AS org_name,
        d.created_at, m.scheduled_at, cu.display_name AS proposed_by, d.created_by, y.given_name, y.family_name,
        au.display_name AS answered_by, d.answered_at, d.answer_note
   FROM meeting_decisions d
   JOIN meetings m ON m.region_id = d.region_id AND m.id = d.meeting_id
   JOIN young_people y ON y.region_id = d.region_id AND y.id = d.young_person_id
   JOIN organisations o ON o.id = d.commits_organisation_id
   JOIN users cu ON cu.id = d.created_by
   LEFT JOIN users au ON au.id = d.answered_by`;

const parseAction = (v: unknown): ProposedAction | null => (v ? (typeof v === 'string' ? JSON.parse(v) : v) as ProposedAction : null);
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function view(r: ProposalRow, canOpen: boolean, mayAnswer: boolean) {
  const action = parseAction(r.proposed_action);
  return {
    id: r.id, organisationName: r.org_name, status: r.status, text: r.text,
    proposedAction: action ? { what: action.what, ownerName: action.ownerName, dueOn: action.dueOn } : null,
    meetingAt: iso(r.scheduled_at)!, proposedBy: r.proposed_by, proposedAt: iso(r.created_at)!,
    childName: `${r.given_name} ${r.family_name}`, youngPersonId: canOpen ? r.young_person_id : null,
    answeredBy: r.answered_by, answeredAt: iso(r.answered_at), answerNote: r.answer_note,
    allowedActions: mayAnswer && r.status === 'proposed' ? ['answerProposal'] : [],
  };
}

export function createProposalsService(db: Db, clock: () => Date = () => new Date()) {
  return {
    /** The open (and recently answered) proposals for the organisations I decide for. */
    async list(actor: Actor) {
      const orgs = answerableOrganisations(actor);
      if (orgs.length === 0) return [];
      const since = new Date(clock().getTime() - ANSWERED_VISIBLE_DAYS * 86_400_000);
      const rows = (await db.query<ProposalRow>(
        `${SELECT} WHERE d.region_id = ANY($1::uuid[]) AND m.region_id = ANY($1::uuid[]) AND y.region_id = ANY($1::uuid[])
            AND d.commits_organisation_id = ANY($2::uuid[]) AND (d.status = 'proposed' OR (d.status IN ('confirmed', 'declined') AND d.answered_at >= $3))
          ORDER BY (d.status = 'proposed') DESC, d.created_at LIMIT 200`,
        [actorRegions(actor), orgs.map((o) => o.organisationId), since]))
        // Only the organisation of the region where I am its member (an organisation id is one region's).
        .filter((r) => orgs.some((o) => o.organisationId === r.commits_organisation_id && o.regionId === r.region_id));
      const reach = await resolveAccessMany(db, actor, rows.map((r) => r.young_person_id));
      await appendChildListReads(db, {
        kind: 'mandate.proposals_read', actorUserId: actor.userId, actorOrganisationId: orgs[0]?.organisationId ?? null, subjectType: 'meeting_proposals',
      }, rows.map((r) => ({ youngPersonId: r.young_person_id, regionId: r.region_id, basis: reach.get(r.young_person_id)?.basis ?? 'organisation_mandate',
        // The organisation the proposal is for: the reader reads it as that organisation's decider.
        actorOrganisationId: r.commits_organisation_id })));
      return rows.map((r) => view(r, reach.has(r.young_person_id), true));
    },

    /** The organisation confirms (the action enters the plan) or declines (with a reason). */
    async answer(actor: Actor, decisionId: string, body: ProposalAnswerBody) {
      assertFreeText({ note: body.note });
      if (body.outcome === 'decline' && !body.note) {
        throw new AppError('validation_failed', { en: 'Say why the organisation declines.', nl: 'Schrijf op waarom de organisatie niet akkoord gaat.', fields: { note: 'required when declining' } });
      }
      let denied: { youngPersonId: string; regionId: string } | null = null;
      try {
        return await db.tx(async (q: Queryable) => {
          // Find its region, then lock it there (one shard: Citus locks rows only in a single-shard statement).
          const [found] = await q.query<{ region_id: string }>(
            `SELECT region_id FROM meeting_decisions WHERE region_id = ANY($2::uuid[]) AND id = $1 AND commits_organisation_id IS NOT NULL`, [decisionId, actorRegions(actor)]);
          const [locked] = found ? await q.query<{ region_id: string; young_person_id: string; commits_organisation_id: string | null; status: string }>(
            `SELECT region_id, young_person_id, commits_organisation_id, status FROM meeting_decisions WHERE region_id = $2 AND id = $1 FOR UPDATE`,
            [decisionId, found.region_id]) : [];
          if (!locked) throw new AppError('not_found');
          if (!mayAnswerFor(actor, locked.commits_organisation_id!, locked.region_id)) {
            denied = { youngPersonId: locked.young_person_id, regionId: locked.region_id };
            throw new AppError('not_found');
          }
          const regionId = locked.region_id;
          const read = async () => (await q.query<ProposalRow>(`${SELECT} WHERE d.region_id = $1 AND m.region_id = $1 AND y.region_id = $1 AND d.id = $2`, [regionId, decisionId]))[0]!;
          const row = await read();
          if (locked.status !== 'proposed') throw new AppError('conflict', { current: view(row, false, true) });
          const a = await resolveAccess(q, actor, row.young_person_id);
          if (!a) throw new AppError('not_found');
          const confirm = body.outcome === 'confirm';
          const action = parseAction(row.proposed_action);
          let planActionId: string | null = null;
          if (confirm && action) {
            const [added] = await appendActions(q, a, actor, [action.input], `Bevestigd door ${row.org_name}: ${row.text.slice(0, 100)}`, 'action');
            planActionId = added!.id;
          }
          await q.query(
            `UPDATE meeting_decisions SET status = $3, plan_action_id = $4, answered_by = $5, answered_at = $6, answer_note = $7
              WHERE region_id = $1 AND id = $2 AND status = 'proposed'`,
            [regionId, decisionId, confirm ? 'confirmed' : 'declined', planActionId, actor.userId, clock(), body.note ?? null]);
          const kind = confirm ? 'mandate.proposal_confirmed' : 'mandate.proposal_declined';
          await addTimeline(q, { regionId, youngPersonId: row.young_person_id, kind, actorUserId: actor.userId, subjectId: row.meeting_id, summary: { organisation: row.org_name, planActionId } });
          for (const u of new Set([a.leadUserId, row.created_by].filter((x): x is string => Boolean(x) && x !== actor.userId))) {
            await notify(q, { regionId, userId: u, kind, youngPersonId: row.young_person_id, payload: { decisionId, meetingId: row.meeting_id, organisation: row.org_name, by: actor.displayName } });
          }
          await appendAudit(q, {
            chainKey: youngPersonChain(row.young_person_id), kind, regionId, actorUserId: actor.userId, actorOrganisationId: row.commits_organisation_id,
            youngPersonId: row.young_person_id, subjectType: 'meeting_decision', subjectId: decisionId, basis: 'organisation_mandate',
            details: { outcome: body.outcome, planActionId },
          });
          const reach = await resolveAccessMany(q, actor, [row.young_person_id]);
          return view(await read(), reach.has(row.young_person_id), true);
        });
      } catch (err) {
        const d = denied as { youngPersonId: string; regionId: string } | null;
        if (d) await auditDenied(db, actor, d.youngPersonId, d.regionId, body.outcome === 'confirm' ? 'mandate.proposal_confirmed' : 'mandate.proposal_declined');
        throw err;
      }
    },
  };
}

export type ProposalsService = ReturnType<typeof createProposalsService>;
