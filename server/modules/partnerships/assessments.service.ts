/**
 * Self-assessment of the collaboration. A round uses one assessment framework (the
 * six effective elements, the eight success conditions, or the partnership's own).
 * Invited respondents score each indicator 1–5 with an optional example. Results show
 * median and spread per element and indicator, split by respondent group and by
 * organisation; a group with fewer than ANONYMITY_THRESHOLD respondents is suppressed.
 * Responses are stored without the respondent; the invitation only records "answered".
 */
import type { Db, Queryable } from '../../core/db.ts';
import { appendAudit } from '../../core/audit.ts';
import { AppError } from '../../core/errors.ts';
import { actorRegions, type Actor } from '../../core/session.ts';
import { ANONYMITY_THRESHOLD } from './partnerships.policy.ts';
import { camel, requireInPartnership, updateVersioned, defined, type PartnershipKey } from './partnerships.repo.ts';
import { insertOwnFramework, loadFrameworks, shipped, type Framework } from './frameworks.repo.ts';
import * as repo from './assessments.repo.ts';
import type { InvitationsBody, OwnFrameworkBody, ReadingBody, RoundBody, RoundPatch } from './assessments.schemas.ts';
import type { Workspace } from './workspace.ts';

/** Linear-interpolated percentile, the same as SQL percentile_cont. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 1) return sorted[0]!;
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Statistics over the scores of a set of answers; suppressed when fewer than the threshold of respondents gave them. */
export function stat(rows: { response_id: string; score: number }[]) {
  const n = new Set(rows.map((r) => r.response_id)).size;
  if (n < ANONYMITY_THRESHOLD) return { n: null, suppressed: true, median: null, p25: null, p75: null, spread: null, min: null, max: null };
  const s = rows.map((r) => r.score).sort((a, b) => a - b);
  const p25 = percentile(s, 0.25);
  const p75 = percentile(s, 0.75);
  return { n, suppressed: false, median: round2(percentile(s, 0.5)), p25: round2(p25), p75: round2(p75), spread: round2(p75 - p25), min: s[0]!, max: s[s.length - 1]! };
}

function split(rows: repo.AnswerRow[], previous: repo.AnswerRow[] | null) {
  const groups = [...new Set(rows.map((r) => r.respondent_group))].sort();
  const orgs = new Map<string, string>();
  for (const r of rows) if (r.partner_id) orgs.set(r.partner_id, r.organisation_name ?? '');
  const prev = previous ? stat(previous) : null;
  return {
    overall: stat(rows),
    byGroup: groups.map((g) => ({ group: g, ...stat(rows.filter((r) => r.respondent_group === g)) })),
    byOrganisation: [...orgs].sort((a, b) => a[1].localeCompare(b[1])).map(([id, name]) => ({ partnerId: id, organisationName: name, ...stat(rows.filter((r) => r.partner_id === id)) })),
    previousMedian: prev?.median ?? null,
  };
}

/** Respondent groups that read the plain-language wording of a framework. */
const FAMILY_GROUPS: readonly string[] = ['parent', 'young_person'];

const toRound = (r: repo.RoundRow) => ({
  id: r.id, frameworkId: r.framework_id, frameworkKey: r.framework_key, frameworkNameNl: r.framework_name_nl, frameworkNameEn: r.framework_name_en,
  title: r.title, opensOn: r.opens_on, closesOn: r.closes_on, status: r.status, version: r.version, invited: r.invited, responded: r.responded,
});

const toReading = (r: NonNullable<Awaited<ReturnType<typeof repo.reading>>>) => ({
  ...camel(r as unknown as Record<string, unknown>), actions: typeof r.actions === 'string' ? JSON.parse(r.actions) : r.actions,
});

async function roundInPartnership(q: Queryable, p: PartnershipKey, roundId: string) {
  const [r] = await repo.rounds(q, p, roundId);
  if (!r) throw new AppError('not_found');
  return r;
}

export function createAssessmentsService(ws: Workspace, db: Db) {
  return {
    async frameworks(actor: Actor, id: string) {
      return ws.read(actor, id, 'frameworks', async (q) => loadFrameworks(q, { partnershipId: id }));
    },

    async addFramework(actor: Actor, id: string, body: OwnFrameworkBody) {
      return ws.write(actor, id, 'manage_assessments', async (q, ctx, audit) => {
        const codes = body.elements.flatMap((e) => [e.code, ...e.items.map((i) => i.code)]);
        if (new Set(body.elements.map((e) => e.code)).size !== body.elements.length || new Set(body.elements.flatMap((e) => e.items.map((i) => i.code))).size !== codes.length - body.elements.length) {
          throw new AppError('validation_failed', { fields: { elements: 'codes must be unique' } });
        }
        const fid = await insertOwnFramework(q, { partnershipId: id, regionId: ctx.partnership.region_id, kind: 'assessment', ...body });
        await audit('partnership.framework_created', { type: 'framework', id: fid }, { key: body.key, elements: body.elements.length });
        return (await loadFrameworks(q, { partnershipId: id, ids: [fid] }))[0]!;
      });
    },

    async listRounds(actor: Actor, id: string) {
      return ws.read(actor, id, 'assessments', async (q, ctx) => ({ rounds: (await repo.rounds(q, ctx.partnership)).map(toRound), allowedActions: ctx.allowedActions }));
    },

    async createRound(actor: Actor, id: string, body: RoundBody) {
      return ws.write(actor, id, 'manage_assessments', async (q, ctx, audit) => {
        const [f] = await loadFrameworks(q, { partnershipId: id, ids: [body.frameworkId] });
        if (!f || f.kind !== 'assessment') throw new AppError('invalid_reference', { fields: { frameworkId: 'not an assessment framework available to this partnership' } });
        if (body.closesOn && body.closesOn < body.opensOn) throw new AppError('validation_failed', { fields: { closesOn: 'must not be before opensOn' } });
        const rid = await repo.insertRound(q, id, ctx.partnership.region_id, body);
        await audit('partnership.round_saved', { type: 'round', id: rid }, { op: 'created', framework: f.key, version: f.version });
        return toRound((await repo.rounds(q, ctx.partnership, rid))[0]!);
      });
    },

    async updateRound(actor: Actor, id: string, roundId: string, version: number, body: RoundPatch) {
      return ws.write(actor, id, 'manage_assessments', async (q, ctx, audit) => {
        await updateVersioned(q, 'partnership_rounds', { id: roundId, partnership: ctx.partnership }, version,
          defined({ title: body.title, closes_on: body.closesOn, status: body.status }));
        await audit('partnership.round_saved', { type: 'round', id: roundId }, { op: 'updated', fields: Object.keys(body), status: body.status });
        return toRound((await repo.rounds(q, ctx.partnership, roundId))[0]!);
      });
    },

    /** Invitations per user: staff answer for a partner organisation they work at; parents and young people in their own group. */
    async invite(actor: Actor, id: string, roundId: string, body: InvitationsBody) {
      return ws.write(actor, id, 'manage_assessments', async (q, ctx, audit) => {
        const round = await roundInPartnership(q, ctx.partnership, roundId);
        // A parent or young person may be named by e-mail address (the workspace has no list of families).
        const emails = body.invitations.flatMap((i) => (i.email && !i.userId ? [i.email.toLowerCase()] : []));
        const byEmail = new Map((emails.length ? await repo.familiesByEmail(q, emails, ctx.partnership.region_id) : []).map((u) => [u.email, u]));
        // An address is never answered on: a family account of that group gets the invitation, any other address is
        // passed over without a word, and the workspace's counts leave families out — so inviting cannot tell
        // whether an address belongs to a parent or a young person in Rondom.
        let familyAddresses = 0;
        const invitations = body.invitations.flatMap((inv, idx) => {
          const field = `invitations.${idx}`;
          if (Boolean(inv.userId) === Boolean(inv.email)) throw new AppError('validation_failed', { fields: { [`${field}.userId`]: 'name the respondent by userId or by email' } });
          if (inv.email && inv.respondentGroup !== 'parent' && inv.respondentGroup !== 'young_person') {
            throw new AppError('validation_failed', { fields: { [`${field}.email`]: 'only parents and young people are invited by e-mail address' } });
          }
          if (inv.email) {
            familyAddresses++;
            if (inv.partnerId) throw new AppError('validation_failed', { fields: { [`${field}.partnerId`]: 'parents and young people do not answer for an organisation' } });
            const family = byEmail.get(inv.email.toLowerCase());
            return family && family.kind === inv.respondentGroup ? [{ userId: family.id, respondentGroup: inv.respondentGroup }] : [];
          }
          return [{ userId: inv.userId!, respondentGroup: inv.respondentGroup, ...(inv.partnerId ? { partnerId: inv.partnerId } : {}) }];
        });
        const userIds = [...new Set(invitations.map((i) => i.userId))];
        const users = new Map((await repo.usersForInvitation(q, userIds, ctx.partnership.region_id)).map((u) => [u.id, u.kind]));
        await requireInPartnership(q, 'partnership_partners', ctx.partnership, invitations.map((i) => i.partnerId), 'partnerId');
        const partnerOrg = new Map((await q.query<{ id: string; organisation_id: string }>(
          `SELECT id, organisation_id FROM partnership_partners WHERE region_id = $2 AND partnership_id = $1`, [id, ctx.partnership.region_id]))
          .map((p) => [p.id, p.organisation_id]));
        const memberships = await repo.memberOf(q, userIds);
        let added = 0;
        for (const [idx, inv] of invitations.entries()) {
          const kind = users.get(inv.userId);
          const field = `invitations.${idx}`;
          if (!kind) throw new AppError('invalid_reference', { fields: { [`${field}.userId`]: 'not a user of this region' } });
          if (kind === 'parent' && inv.respondentGroup !== 'parent') throw new AppError('validation_failed', { fields: { [`${field}.respondentGroup`]: 'a parent answers as parent' } });
          if (kind === 'young_person' && inv.respondentGroup !== 'young_person') throw new AppError('validation_failed', { fields: { [`${field}.respondentGroup`]: 'a young person answers as young_person' } });
          if (kind === 'staff') {
            if (inv.respondentGroup === 'parent' || inv.respondentGroup === 'young_person') throw new AppError('validation_failed', { fields: { [`${field}.respondentGroup`]: 'staff answer as work_floor, policy or governance' } });
            const org = inv.partnerId ? partnerOrg.get(inv.partnerId) : undefined;
            if (!org || !memberships.some((m) => m.user_id === inv.userId && m.organisation_id === org)) {
              throw new AppError('invalid_reference', { fields: { [`${field}.partnerId`]: 'staff answer for a partner organisation they work at' } });
            }
          } else if (inv.partnerId) {
            throw new AppError('validation_failed', { fields: { [`${field}.partnerId`]: 'parents and young people do not answer for an organisation' } });
          }
          if (await repo.insertInvitation(q, round.id, ctx.partnership.region_id, inv) && kind === 'staff') added++;
        }
        // The staff invited are counted; family addresses only as submitted (never whether one matched).
        await audit('partnership.invitation_added', { type: 'round', id: roundId }, { added, familyAddresses,
          groups: [...new Set(body.invitations.map((i) => i.respondentGroup))] });
        return toRound((await repo.rounds(q, ctx.partnership, roundId))[0]!);
      });
    },

    /** Whom the workspace can invite: staff of its partner organisations, by name; families are invited by e-mail address. */
    async candidates(actor: Actor, id: string, roundId: string) {
      return ws.read(actor, id, 'assessment_candidates', async (q, ctx) => {
        await roundInPartnership(q, ctx.partnership, roundId);
        const staff = await repo.staffCandidates(q, ctx.partnership, roundId);
        return {
          staff: staff.map((s) => ({ userId: s.user_id, name: s.name, partnerId: s.partner_id, organisationName: s.organisation_name, roles: s.roles, invited: s.invited })),
          invitedByGroup: await repo.invitedByGroup(q, roundId, ctx.partnership.region_id),
        };
      });
    },

    async results(actor: Actor, id: string, roundId: string) {
      return ws.read(actor, id, 'assessment_results', async (q, ctx) => {
        const round = await roundInPartnership(q, ctx.partnership, roundId);
        const [framework] = await loadFrameworks(q, { partnershipId: id, ids: [round.framework_id] }) as Framework[];
        // Oldest first; rounds of the same framework key compare by indicator code across versions.
        const all = (await repo.rounds(q, ctx.partnership)).filter((r) => r.framework_key === round.framework_key).reverse();
        const previous = all[all.findIndex((r) => r.id === round.id) - 1] ?? null;
        const answers = await repo.answers(q, all.map((r) => r.id), ctx.partnership.region_id);
        const mine = answers.filter((a) => a.round_id === round.id);
        const prev = previous ? answers.filter((a) => a.round_id === previous.id) : null;
        const respondents = new Set(mine.map((a) => a.response_id)).size;
        const elements = framework!.elements.map((e) => ({
          code: e.code, nameNl: e.nameNl, nameEn: e.nameEn,
          ...split(mine.filter((a) => a.element_code === e.code), prev ? prev.filter((a) => a.element_code === e.code) : null),
          items: e.items.map((i) => ({
            id: i.id, code: i.code, textNl: i.textNl, textEn: i.textEn,
            ...split(mine.filter((a) => a.item_code === i.code), prev ? prev.filter((a) => a.item_code === i.code) : null),
          })),
        }));
        const questions = await shipped(q, 'interpretation-questions');
        const reading = await repo.reading(q, roundId, ctx.partnership.region_id);
        return {
          round: toRound(round), threshold: ANONYMITY_THRESHOLD,
          respondents: respondents >= ANONYMITY_THRESHOLD ? respondents : null,
          previousRoundId: previous?.id ?? null,
          elements,
          examples: respondents >= ANONYMITY_THRESHOLD
            ? mine.filter((a) => a.example).map((a) => ({ itemCode: a.item_code, text: a.example! })).sort((a, b) => a.itemCode.localeCompare(b.itemCode) || a.text.localeCompare(b.text))
            : [],
          trend: all.map((r) => ({
            roundId: r.id, title: r.title, opensOn: r.opens_on,
            elements: framework!.elements.map((e) => {
              const s = stat(answers.filter((a) => a.round_id === r.id && a.element_code === e.code));
              return { code: e.code, median: s.median, n: s.n };
            }),
          })),
          interpretationQuestions: (questions?.elements.flatMap((e) => e.items) ?? []).map((i) => ({ code: i.code, textNl: i.textNl, textEn: i.textEn })),
          reading: reading ? toReading(reading) : null,
          allowedActions: ctx.allowedActions,
        };
      });
    },

    /** The four interpretation questions and the actions taken. If-Match "0" creates the reading. */
    async saveReading(actor: Actor, id: string, roundId: string, version: number, body: ReadingBody) {
      return ws.write(actor, id, 'manage_assessments', async (q, ctx, audit) => {
        await roundInPartnership(q, ctx.partnership, roundId);
        if (!(await repo.saveReading(q, roundId, ctx.partnership.region_id, version, body))) {
          const cur = await repo.reading(q, roundId, ctx.partnership.region_id);
          throw new AppError('conflict', { current: cur ? toReading(cur) : null });
        }
        await audit('partnership.reading_saved', { type: 'round', id: roundId }, { fields: Object.keys(body), actions: body.actions?.length ?? 0 });
        return toReading((await repo.reading(q, roundId, ctx.partnership.region_id))!);
      });
    },

    /** The rounds this user is invited to and has not answered yet (any kind of user). */
    async myInvitations(actor: Actor) {
      const today = new Date().toISOString().slice(0, 10);
      const rows = await repo.openInvitations(db, actor.userId, actorRegions(actor), today);
      const fws = rows.length ? await loadFrameworks(db, { ids: [...new Set(rows.map((r) => r.framework_id))], anyPartnership: true }) : [];
      return rows.map((r) => {
        const f = fws.find((x) => x.id === r.framework_id)!;
        // Parents and young people read the plain-language wording where the framework has one.
        const plain = FAMILY_GROUPS.includes(r.respondent_group);
        const nl = (x: { plainNl: string | null }, professional: string) => (plain && x.plainNl) || professional;
        const en = (x: { plainEn: string | null }, professional: string) => (plain && x.plainEn) || professional;
        return {
          roundId: r.round_id, roundTitle: r.title, partnershipName: r.partnership_name, respondentGroup: r.respondent_group, closesOn: r.closes_on,
          scaleMin: 1, scaleMax: 5, wording: plain ? 'plain' as const : 'professional' as const,
          elements: f.elements.map((e) => ({
            code: e.code, nameNl: nl(e, e.nameNl), nameEn: en(e, e.nameEn),
            items: e.items.map((i) => ({ id: i.id, code: i.code, textNl: nl(i, i.textNl), textEn: en(i, i.textEn) })),
          })),
        };
      });
    },

    /** An invited user answers once. Uninvited users get 404: they do not learn that the round exists. `today` is for the demo's fixed date. */
    async respond(actor: Actor, roundId: string, answers: { itemId: string; score: number; example?: string }[], today = new Date().toISOString().slice(0, 10)) {
      return db.tx(async (q) => {
        const round = await repo.roundById(q, roundId, actorRegions(actor));
        const inv = round ? await repo.invitation(q, roundId, round.region_id, actor.userId) : undefined;
        if (!round || !inv) throw new AppError('not_found');
        if (inv.responded_at) throw new AppError('already_exists', { en: 'You have already answered this round.', nl: 'U hebt deze ronde al ingevuld.' });
        if (round.status !== 'open' || round.opens_on > today || (round.closes_on && round.closes_on < today)) {
          throw new AppError('unprocessable', { en: 'This round is not open.', nl: 'Deze ronde is niet open.' });
        }
        const items = new Set((await q.query<{ id: string }>(
          `SELECT i.id FROM partnership_framework_items i JOIN partnership_framework_elements e ON e.id = i.element_id WHERE e.framework_id = $1`, [round.framework_id])).map((r) => r.id));
        const seen = new Set<string>();
        for (const [idx, a] of answers.entries()) {
          if (!items.has(a.itemId)) throw new AppError('invalid_reference', { fields: { [`answers.${idx}.itemId`]: 'not an indicator of this round' } });
          if (seen.has(a.itemId)) throw new AppError('duplicate', { fields: { [`answers.${idx}.itemId`]: 'answered twice' } });
          seen.add(a.itemId);
        }
        await repo.insertResponse(q, roundId, round.region_id, inv, actor.userId, answers);
        // The audit event names the round, never the response: answers stay unlinkable to the person.
        await appendAudit(q, {
          chainKey: `partnership:${round.partnership_id}`, kind: 'partnership.response_submitted', regionId: round.region_id, actorUserId: actor.userId,
          subjectType: 'round', subjectId: roundId, basis: 'invitation', details: { answers: answers.length },
        });
        return { roundId, answered: answers.length };
      });
    },
  };
}
