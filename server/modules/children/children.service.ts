/**
 * Young people: search (only those the caller may reach), the child view, registering
 * a young person together with the first question, updates with optimistic locking,
 * linking parents with gezag, and the 16+ privacy switch.
 */
import type { Db, Queryable } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';
import { appendAudit, appendReadAudit, userChain, youngPersonChain } from '../../core/audit.ts';
import { addTimeline, CASE_ROLES, resolveAccess, resolveAccessMany, withChild, type ChildAccess } from '../../core/access.ts';
import type { Actor } from '../../core/session.ts';
import { isValidBsn, maskBsn, normaliseBsn } from '../../../shared/bsn.ts';
import { ageBand } from '../consents/consent-rules.ts';
import { allowedActions, childPolicy } from './children.policy.ts';
import type { RegisterChildBody, UpdateChildBody } from './children.schemas.ts';
import { caseMembership, openQuestionTx } from '../networks/networks.service.ts';
import { mustAskToJoin, requestToJoinTx } from '../networks/join-requests.ts';
import { findExisting } from './children.matching.ts';
import { checkRefs } from '../../core/refs.ts';
import { YOUNG_PERSON_REFS } from './children.refs.ts';
import { assertFreeText } from '../../core/free-text/sensitive-terms.ts';

interface ChildRow {
  id: string; region_id: string; given_name: string; family_name: string; birth_date: string; birth_expected: boolean; bsn: string | null;
  gemeente_id: string | null; gemeente_name: string | null; wijk_id: string | null; wijk_name: string | null;
  school_id: string | null; school_name: string | null; user_id: string | null; parents_access: string; version: number;
}

const CHILD_ACTIONS = [
  'updateChild', 'openQuestion', 'readNetwork', 'inviteToNetwork', 'handOverLead', 'readConsents', 'recordConsent', 'recordLegalBasis',
  'readPlan', 'editPlan', 'commentPlan', 'givePlanOpinion', 'readMeetings', 'manageMeetings', 'readEvaluations', 'recordEvaluation',
  'readTimeline', 'readAccessLog', 'setParentsAccess',
] as const;

export async function childView(q: Queryable, access: ChildAccess) {
  const [r] = await q.query<ChildRow>(
    `SELECT y.*, g.name AS gemeente_name, w.name AS wijk_name, s.name AS school_name
       FROM young_people y
       LEFT JOIN areas g ON g.id = y.gemeente_id LEFT JOIN areas w ON w.id = y.wijk_id
       LEFT JOIN organisations s ON s.id = y.school_id
      WHERE y.region_id = $2 AND y.id = $1`,
    [access.youngPersonId, access.regionId],
  );
  if (!r) throw new AppError('not_found');
  const guardians = await q.query<{ userId: string; displayName: string }>(
    `SELECT u.id AS "userId", u.display_name AS "displayName" FROM guardianships g JOIN users u ON u.id = g.parent_user_id
      WHERE g.region_id = $2 AND g.young_person_id = $1 AND g.has_authority ORDER BY g.created_at, u.id`,
    [access.youngPersonId, access.regionId],
  );
  const band = ageBand(r.birth_date, access.today);
  const consenters: { userId: string | null; displayName: string; relation: 'parent' | 'young_person' }[] = [];
  if (band !== '16_plus') consenters.push(...guardians.map((g) => ({ ...g, relation: 'parent' as const })));
  if (band !== 'under_12') consenters.push({ userId: r.user_id, displayName: `${r.given_name} ${r.family_name}`, relation: 'young_person' });
  // Parents of a 16-year-old who closed the file see that the child exists, nothing more of it.
  const closedToParents = access.level === 'guardian' && access.ageYears >= 16 && r.parents_access === 'hidden';
  const fullBsn = access.level === 'network' || access.level === 'self' || (access.level === 'guardian' && !closedToParents);
  return {
    id: r.id, givenName: r.given_name, familyName: r.family_name, birthDate: r.birth_date, birthExpected: r.birth_expected,
    ageYears: Math.max(0, access.ageYears),
    bsn: r.bsn ? (fullBsn ? r.bsn : maskBsn(r.bsn)) : null,
    gemeente: r.gemeente_id && !closedToParents ? { id: r.gemeente_id, name: r.gemeente_name! } : null,
    wijk: r.wijk_id && !closedToParents ? { id: r.wijk_id, name: r.wijk_name! } : null,
    school: r.school_id && !closedToParents ? { id: r.school_id, name: r.school_name! } : null,
    guardians, hasOwnAccount: r.user_id !== null, parentsAccess: r.parents_access,
    consentRule: { ageBand: band, consenters },
    access: { level: access.level, basis: access.basis },
    version: r.version,
    allowedActions: allowedActions(access, [...CHILD_ACTIONS]),
  };
}

function checkBsn(bsn: string | null | undefined): string | null {
  if (bsn === undefined || bsn === null || bsn === '') return null;
  if (!isValidBsn(bsn)) throw new AppError('invalid_bsn', { fields: { bsn: 'does not pass the elfproef' } });
  return normaliseBsn(bsn);
}

export function createChildrenService(db: Db) {
  return {
    /** Young people the caller may reach, by name. Nobody else exists for them. */
    async search(actor: Actor, query: { q?: string; limit?: number }) {
      const term = (query.q ?? '').trim().toLowerCase();
      const candidates = await db.query<{ id: string; given_name: string; family_name: string; birth_date: string }>(
        `SELECT y.id, y.given_name, y.family_name, y.birth_date FROM young_people y
          WHERE y.region_id = $1
            AND ($2 = '' OR lower(y.given_name || ' ' || y.family_name) LIKE '%' || $2 || '%')
            AND (
              y.user_id = $3
              OR EXISTS (SELECT 1 FROM guardianships g WHERE g.region_id = $1 AND g.young_person_id = y.id AND g.parent_user_id = $3)
              OR EXISTS (SELECT 1 FROM involvements i JOIN networks n ON n.region_id = i.region_id AND n.id = i.network_id AND n.status = 'active'
                          WHERE i.region_id = $1 AND i.young_person_id = y.id AND i.user_id = $3 AND (i.ends_on IS NULL OR i.ends_on >= current_date))
              OR EXISTS (SELECT 1 FROM break_glass_grants b WHERE b.region_id = $1 AND b.young_person_id = y.id AND b.user_id = $3 AND b.expires_at > now())
              OR y.school_id = ANY($4::uuid[])
            )
          ORDER BY y.family_name, y.given_name, y.id LIMIT 200`,
        [actor.regionId, term.replace(/[%_\\]/g, ''), actor.userId,
          actor.memberships.filter((m) => ['teacher', 'intern_begeleider', 'zorgcoordinator'].includes(m.role)).map((m) => m.organisationId)],
      );
      const items = [];
      const reach = await resolveAccessMany(db, actor, candidates.map((c) => c.id));
      for (const c of candidates) {
        const access = reach.get(c.id);
        if (!access) continue;
        items.push({ id: c.id, givenName: c.given_name, familyName: c.family_name, birthDate: c.birth_date, ageYears: Math.max(0, access.ageYears), access: access.level });
        if (items.length >= (query.limit ?? 50)) break;
      }
      await appendReadAudit(db, {
        chainKey: userChain(actor.userId), kind: 'young_person.searched', regionId: actor.regionId, actorUserId: actor.userId,
        subjectType: 'search', details: { results: items.length, withTerm: term.length > 0 },
      });
      return { items };
    },

    async get(actor: Actor, childId: string) {
      return withChild(db, actor, childId, { rule: childPolicy.readChild, audit: 'young_person.read', readOnly: true }, (q, a) => childView(q, a));
    },

    /**
     * A professional registers a young person with the first question. When the person is already
     * known in the region (same BSN; same names and date of birth; or a near match), nothing of that
     * record comes back and the caller does not join: it becomes a join request (join-requests.ts),
     * unless the caller is already a member, or it is their own pupil without a network yet.
     */
    async register(actor: Actor, body: RegisterChildBody): Promise<{ status: 'registered'; id: string } | { status: 'join_requested' }> {
      if (!actor.memberships.some((m) => CASE_ROLES.includes(m.role))) throw new AppError('forbidden');
      const membership = caseMembership(actor, body.question.organisationId);
      const bsn = checkBsn(body.bsn);
      assertFreeText({ 'question.text': body.question.text });
      return db.tx(async (q) => {
        await checkRefs(q, actor.regionId, body, YOUNG_PERSON_REFS);
        const existing = await findExisting(q, actor.regionId, { ...body, bsn });
        if (existing) {
          if (mustAskToJoin(await resolveAccess(q, actor, existing))) {
            await requestToJoinTx(q, actor, existing, actor.regionId, 'registration', membership, body.question);
            return { status: 'join_requested' as const };
          }
          await openQuestionTx(q, actor, existing, body.question, actor.regionId);
          return { status: 'registered' as const, id: existing };
        }
        const [row] = await q.query<{ id: string }>(
          `INSERT INTO young_people (region_id, given_name, family_name, birth_date, birth_expected, bsn, gemeente_id, wijk_id, school_id)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
          [actor.regionId, body.givenName, body.familyName, body.birthDate, body.birthExpected ?? false, bsn,
            body.gemeenteId ?? null, body.wijkId ?? null, body.schoolId ?? null],
        );
        const ypId = row!.id;
        await appendAudit(q, {
          chainKey: youngPersonChain(ypId), kind: 'young_person.created', regionId: actor.regionId, actorUserId: actor.userId,
          actorOrganisationId: membership.organisationId, youngPersonId: ypId, subjectType: 'young_person', subjectId: ypId, basis: 'involvement',
        });
        await openQuestionTx(q, actor, ypId, body.question, actor.regionId);
        return { status: 'registered' as const, id: ypId };
      });
    },

    async update(actor: Actor, childId: string, ifMatch: number, body: UpdateChildBody) {
      const bsn = body.bsn === undefined ? undefined : checkBsn(body.bsn);
      return withChild(db, actor, childId, { rule: childPolicy.updateChild, audit: 'young_person.updated', details: { fields: Object.keys(body) } }, async (q, a) => {
        await checkRefs(q, a.regionId, body, YOUNG_PERSON_REFS);
        const sets: string[] = [];
        const params: unknown[] = [childId, ifMatch, a.regionId];
        const map: Record<string, unknown> = {
          given_name: body.givenName, family_name: body.familyName, birth_date: body.birthDate, birth_expected: body.birthExpected,
          bsn, gemeente_id: body.gemeenteId, wijk_id: body.wijkId, school_id: body.schoolId,
        };
        for (const [col, val] of Object.entries(map)) {
          if (val === undefined) continue;
          params.push(val);
          sets.push(`${col} = $${params.length}`);
        }
        const updated = await q.query(
          `UPDATE young_people SET ${sets.join(', ')}, version = version + 1, updated_at = now() WHERE region_id = $3 AND id = $1 AND version = $2 RETURNING id`,
          params,
        );
        if (updated.length === 0) throw new AppError('conflict', { current: await childView(q, a) });
        await addTimeline(q, { regionId: a.regionId, youngPersonId: childId, kind: 'young_person.updated', actorUserId: actor.userId, summary: { fields: Object.keys(body) } });
        return childView(q, a);
      });
    },

    async linkGuardian(actor: Actor, childId: string, parentUserId: string) {
      return withChild(db, actor, childId, { rule: childPolicy.updateChild, audit: 'guardian.linked', subjectType: 'user', subjectId: parentUserId }, async (q, a) => {
        const [p] = await q.query<{ kind: string; region_id: string }>(`SELECT kind, region_id FROM users WHERE id = $1`, [parentUserId]);
        if (!p || p.kind !== 'parent' || p.region_id !== a.regionId) throw new AppError('validation_failed', { fields: { parentUserId: 'not a parent account in this region' } });
        await q.query(
          `INSERT INTO guardianships (young_person_id, parent_user_id, region_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [childId, parentUserId, a.regionId],
        );
        await addTimeline(q, { regionId: a.regionId, youngPersonId: childId, kind: 'guardian.linked', actorUserId: actor.userId, subjectId: parentUserId });
        return childView(q, { ...a, guardianIds: [...a.guardianIds, parentUserId] });
      });
    },

    async setParentsAccess(actor: Actor, childId: string, parentsAccess: 'full' | 'hidden') {
      return withChild(db, actor, childId, { rule: childPolicy.setParentsAccess, audit: 'item.hidden_from_parents', details: { parentsAccess } }, async (q, a) => {
        await q.query(`UPDATE young_people SET parents_access = $2, version = version + 1, updated_at = now() WHERE region_id = $3 AND id = $1`,
          [childId, parentsAccess, a.regionId]);
        await addTimeline(q, { regionId: a.regionId, youngPersonId: childId, kind: 'privacy.parents_access', actorUserId: actor.userId, summary: { parentsAccess }, familyVisible: false });
        return childView(q, { ...a, parentsAccess });
      });
    },
  };
}

export type ChildrenService = ReturnType<typeof createChildrenService>;
