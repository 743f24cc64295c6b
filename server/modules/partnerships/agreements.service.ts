/**
 * Agreements between partners: covenants, cooperation and privacy covenants, the
 * OOGO (with the state of the agreement on each of its ten topics) and the LEA.
 * Commitments follow "comply or explain": a deviation needs an explanation.
 * Funding lines record who invests how much per year, pooled or fixed, until when.
 */
import type { Queryable } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';
import type { Actor } from '../../core/session.ts';
import { FUNDING_WARNING_DAYS, REVIEW_WARNING_DAYS } from './partnerships.policy.ts';
import { camel, defined, requireInPartnership, updateVersioned, type PartnershipKey } from './partnerships.repo.ts';
import { shipped } from './frameworks.repo.ts';
import * as repo from './agreements.repo.ts';
import type { AgreementBody, AgreementPatch, CommitmentBody, CommitmentPatch, FundingBody, FundingPatch } from './agreements.schemas.ts';
import { dateInWords } from '../../../shared/dates.ts';
import { daysBetween, todayIso, warning, type Warning, type Workspace } from './workspace.ts';

function agreementWarnings(a: repo.AgreementRow, cs: repo.CommitmentRow[], today: string): Warning[] {
  const out: Warning[] = [];
  if (a.status !== 'ended' && a.review_on && daysBetween(today, a.review_on) <= REVIEW_WARNING_DAYS) {
    out.push(warning('review_due', `"${a.title}" moet uiterlijk ${dateInWords(a.review_on, 'nl')} worden herzien.`, `"${a.title}" is due for review by ${dateInWords(a.review_on, 'en')}.`, { type: 'agreement', id: a.id }));
  }
  for (const c of cs) {
    if (c.status === 'in_progress' && c.until_on && c.until_on < today) {
      out.push(warning('commitment_overdue',
        `Afspraak van ${c.organisation_name} is verlopen (${dateInWords(c.until_on, 'nl')}): nakomen of uitleggen.`,
        `Commitment of ${c.organisation_name} is past its date (${dateInWords(c.until_on, 'en')}): comply or explain.`, { type: 'commitment', id: c.id }));
    }
  }
  if (a.kind === 'privacy_covenant') {
    const p = (typeof a.privacy === 'string' ? JSON.parse(a.privacy) : a.privacy) as { purposes?: string[]; legalBasis?: string; retention?: string } | null;
    if (!p || !p.purposes?.length || !p.legalBasis || !p.retention) {
      out.push(warning('privacy_incomplete', 'Het privacyconvenant mist doelen, grondslag of bewaartermijn.', 'The privacy covenant lacks purposes, legal basis or retention.', { type: 'agreement', id: a.id }));
    }
  }
  return out;
}

export function fundingWarnings(lines: repo.FundingRow[], today: string): Warning[] {
  const out: Warning[] = [];
  for (const f of lines) {
    if (!f.ends_on || f.ends_on < today) continue;
    const days = daysBetween(today, f.ends_on);
    if (days <= FUNDING_WARNING_DAYS) {
      out.push(warning('funding_ends_soon',
        `De financiering "${f.purpose}" van ${f.organisation_name} stopt op ${dateInWords(f.ends_on, 'nl')} (over ${days} dagen). Maak tijdig afspraken over verlenging.`,
        `Funding "${f.purpose}" from ${f.organisation_name} ends on ${dateInWords(f.ends_on, 'en')} (in ${days} days). Agree on continuation in time.`, { type: 'funding', id: f.id }));
    }
  }
  return out;
}

function perYear(lines: repo.FundingRow[], today: string) {
  if (lines.length === 0) return [];
  const thisYear = Number(today.slice(0, 4));
  const from = Math.min(...lines.map((l) => Number(l.starts_on.slice(0, 4))));
  const to = Math.min(from + 14, Math.max(thisYear + 2, ...lines.map((l) => (l.ends_on ? Number(l.ends_on.slice(0, 4)) : thisYear + 2))));
  const years = [];
  for (let y = from; y <= to; y++) {
    const active = lines.filter((l) => Number(l.starts_on.slice(0, 4)) <= y && (!l.ends_on || Number(l.ends_on.slice(0, 4)) >= y));
    years.push({
      year: y,
      pooledCents: active.filter((l) => l.mode === 'pooled').reduce((s, l) => s + Number(l.amount_per_year_cents), 0),
      fixedCents: active.filter((l) => l.mode === 'fixed').reduce((s, l) => s + Number(l.amount_per_year_cents), 0),
    });
  }
  return years;
}

export async function loadFundingWarnings(q: Queryable, p: PartnershipKey) {
  return fundingWarnings(await repo.funding(q, p), todayIso());
}

async function shapeAgreements(q: Queryable, p: PartnershipKey, id?: string) {
  const rows = await repo.agreements(q, p, id);
  const ids = rows.map((r) => r.id);
  const [ps, cs, ts] = [await repo.parties(q, ids, p.region_id), await repo.commitments(q, p, { agreementIds: ids }), await repo.oogoTopics(q, ids, p.region_id)];
  const today = todayIso();
  return rows.map((a) => {
    const mine = cs.filter((c) => c.agreement_id === a.id);
    return {
      ...camel(a as unknown as Record<string, unknown>),
      privacy: typeof a.privacy === 'string' ? JSON.parse(a.privacy) : a.privacy ?? null,
      parties: ps.filter((p) => p.agreement_id === a.id).map((p) => ({ partnerId: p.partner_id, organisationId: p.organisation_id, organisationName: p.organisation_name, organisationType: p.organisation_type })),
      commitments: mine.map((c) => camel(c as unknown as Record<string, unknown>)),
      oogoTopics: ts.filter((t) => t.agreement_id === a.id).map((t) => ({ itemId: t.item_id, code: t.code, textNl: t.text_nl, textEn: t.text_en, state: t.state, summary: t.summary, version: t.version })),
      warnings: agreementWarnings(a, mine, today),
    };
  });
}

export async function loadAgreementWarnings(q: Queryable, p: PartnershipKey): Promise<Warning[]> {
  return (await shapeAgreements(q, p)).flatMap((a) => a.warnings);
}

/** OOGO is between a gemeente and an SWV; a privacy covenant records its AVG particulars. */
async function validateAgreement(q: Queryable, p: PartnershipKey, kind: string, partnerIds: string[] | undefined, privacy: AgreementBody['privacy']) {
  if (partnerIds) {
    await requireInPartnership(q, 'partnership_partners', p, partnerIds, 'partnerIds');
    if (kind === 'oogo') {
      const types = new Set((await repo.partnerTypes(q, p, partnerIds)).map((r) => r.type));
      if (!types.has('municipality') || !types.has('swv')) {
        throw new AppError('validation_failed', { fields: { partnerIds: 'an OOGO is between a gemeente and a samenwerkingsverband: include both' } });
      }
    }
  }
  if (privacy) {
    if (kind !== 'privacy_covenant') throw new AppError('validation_failed', { fields: { privacy: 'only a privacy covenant records AVG particulars' } });
    await requireInPartnership(q, 'partnership_partners', p, privacy.roles.map((r) => r.partnerId), 'privacy.roles');
  }
}

export function createAgreementsService(ws: Workspace) {
  return {
    async list(actor: Actor, id: string) {
      return ws.read(actor, id, 'agreements', async (q, ctx) => {
        const agreements = await shapeAgreements(q, ctx.partnership);
        return { agreements, warnings: agreements.flatMap((a) => a.warnings), allowedActions: ctx.allowedActions };
      });
    },

    async get(actor: Actor, id: string, agreementId: string) {
      return ws.read(actor, id, 'agreement', async (q, ctx) => {
        const [a] = await shapeAgreements(q, ctx.partnership, agreementId);
        if (!a) throw new AppError('not_found');
        return a;
      });
    },

    async create(actor: Actor, id: string, body: AgreementBody) {
      return ws.write(actor, id, 'manage_agreements', async (q, ctx, audit) => {
        await validateAgreement(q, ctx.partnership, body.kind, body.partnerIds, body.privacy);
        if (body.kind === 'privacy_covenant' && !body.privacy) throw new AppError('validation_failed', { fields: { privacy: 'a privacy covenant records purposes, data categories, legal basis, retention and roles' } });
        const agreementId = await repo.insertAgreement(q, id, ctx.partnership.region_id, body);
        await repo.setParties(q, agreementId, ctx.partnership.region_id, body.partnerIds);
        if (body.kind === 'oogo') {
          const topics = await shipped(q, 'oogo-topics');
          await repo.insertOogoTopics(q, agreementId, ctx.partnership.region_id, topics!.elements.flatMap((e) => e.items.map((i) => i.id)));
        }
        await audit('partnership.agreement_saved', { type: 'agreement', id: agreementId }, { op: 'created', kind: body.kind, parties: body.partnerIds.length });
        return (await shapeAgreements(q, ctx.partnership, agreementId))[0]!;
      });
    },

    async update(actor: Actor, id: string, agreementId: string, version: number, body: AgreementPatch) {
      return ws.write(actor, id, 'manage_agreements', async (q, ctx, audit) => {
        const [cur] = await repo.agreements(q, ctx.partnership, agreementId);
        if (!cur) throw new AppError('not_found');
        await validateAgreement(q, ctx.partnership, cur.kind, body.partnerIds, body.privacy);
        await updateVersioned(q, 'partnership_agreements', { id: agreementId, partnership: ctx.partnership }, version, defined({
          title: body.title, purpose: body.purpose, status: body.status, starts_on: body.startsOn, ends_on: body.endsOn, review_on: body.reviewOn,
          privacy: body.privacy ? JSON.stringify(body.privacy) : undefined,
        }));
        if (body.partnerIds) await repo.setParties(q, agreementId, ctx.partnership.region_id, body.partnerIds);
        await audit('partnership.agreement_saved', { type: 'agreement', id: agreementId }, { op: 'updated', fields: Object.keys(body) });
        return (await shapeAgreements(q, ctx.partnership, agreementId))[0]!;
      });
    },

    async addCommitment(actor: Actor, id: string, agreementId: string, body: CommitmentBody) {
      return ws.write(actor, id, 'manage_agreements', async (q, ctx, audit) => {
        if (!(await repo.agreements(q, ctx.partnership, agreementId)).length) throw new AppError('not_found');
        await requireInPartnership(q, 'partnership_partners', ctx.partnership, [body.partnerId], 'partnerId');
        if (body.status === 'explained_deviation' && !body.explanation?.trim()) throw new AppError('validation_failed', { fields: { explanation: 'explain the deviation' } });
        const cid = await repo.insertCommitment(q, id, ctx.partnership.region_id, agreementId, body);
        await audit('partnership.commitment_saved', { type: 'commitment', id: cid }, { op: 'created', agreementId, status: body.status ?? 'in_progress' });
        return camel((await repo.commitments(q, ctx.partnership, { id: cid }))[0]! as unknown as Record<string, unknown>);
      });
    },

    async updateCommitment(actor: Actor, id: string, commitmentId: string, version: number, body: CommitmentPatch) {
      return ws.write(actor, id, 'manage_agreements', async (q, ctx, audit) => {
        const [cur] = await repo.commitments(q, ctx.partnership, { id: commitmentId });
        if (!cur) throw new AppError('not_found');
        const status = body.status ?? cur.status;
        const explanation = body.explanation !== undefined ? body.explanation : cur.explanation;
        if (status === 'explained_deviation' && !explanation?.trim()) throw new AppError('validation_failed', { fields: { explanation: 'explain the deviation' } });
        await updateVersioned(q, 'partnership_commitments', { id: commitmentId, partnership: ctx.partnership }, version, defined({
          description: body.description, until_on: body.untilOn, status: body.status, explanation: body.explanation,
        }));
        await audit('partnership.commitment_saved', { type: 'commitment', id: commitmentId }, { op: 'updated', fields: Object.keys(body), status });
        return camel((await repo.commitments(q, ctx.partnership, { id: commitmentId }))[0]! as unknown as Record<string, unknown>);
      });
    },

    async updateOogoTopic(actor: Actor, id: string, agreementId: string, itemId: string, version: number, body: { state?: string; summary?: string | null }) {
      return ws.write(actor, id, 'manage_agreements', async (q, ctx, audit) => {
        const [a] = await shapeAgreements(q, ctx.partnership, agreementId);
        const topic = a?.oogoTopics.find((t) => t.itemId === itemId);
        if (!a || !topic) throw new AppError('not_found');
        if (!(await repo.updateOogoTopic(q, agreementId, ctx.partnership.region_id, itemId, version, body))) throw new AppError('conflict', { current: topic });
        await audit('partnership.oogo_topic_saved', { type: 'agreement', id: agreementId }, { topic: topic.code, fields: Object.keys(body), state: body.state });
        return (await shapeAgreements(q, ctx.partnership, agreementId))[0]!.oogoTopics.find((t) => t.itemId === itemId)!;
      });
    },

    async listFunding(actor: Actor, id: string) {
      return ws.read(actor, id, 'funding', async (q, ctx) => {
        const lines = await repo.funding(q, ctx.partnership);
        const today = todayIso();
        return { lines: lines.map((l) => camel(l as unknown as Record<string, unknown>)), perYear: perYear(lines, today), warnings: fundingWarnings(lines, today), allowedActions: ctx.allowedActions };
      });
    },

    async addFunding(actor: Actor, id: string, body: FundingBody) {
      return ws.write(actor, id, 'manage_funding', async (q, ctx, audit) => {
        await requireInPartnership(q, 'partnership_partners', ctx.partnership, [body.partnerId], 'partnerId');
        await requireInPartnership(q, 'partnership_agreements', ctx.partnership, [body.agreementId], 'agreementId');
        if (body.endsOn && body.endsOn < body.startsOn) throw new AppError('validation_failed', { fields: { endsOn: 'must not be before startsOn' } });
        const fid = await repo.insertFunding(q, id, ctx.partnership.region_id, body);
        await audit('partnership.funding_saved', { type: 'funding', id: fid }, { op: 'created', mode: body.mode });
        return camel((await repo.funding(q, ctx.partnership, fid))[0]! as unknown as Record<string, unknown>);
      });
    },

    async updateFunding(actor: Actor, id: string, fundingId: string, version: number, body: FundingPatch) {
      return ws.write(actor, id, 'manage_funding', async (q, ctx, audit) => {
        await requireInPartnership(q, 'partnership_agreements', ctx.partnership, [body.agreementId], 'agreementId');
        const [cur] = await repo.funding(q, ctx.partnership, fundingId);
        if (!cur) throw new AppError('not_found');
        const ends = body.endsOn !== undefined ? body.endsOn : cur.ends_on;
        if (ends && ends < (body.startsOn ?? cur.starts_on)) throw new AppError('validation_failed', { fields: { endsOn: 'must not be before startsOn' } });
        await updateVersioned(q, 'partnership_funding', { id: fundingId, partnership: ctx.partnership }, version, defined({
          purpose: body.purpose, amount_per_year_cents: body.amountPerYearCents, mode: body.mode, starts_on: body.startsOn, ends_on: body.endsOn, agreement_id: body.agreementId,
        }));
        await audit('partnership.funding_saved', { type: 'funding', id: fundingId }, { op: 'updated', fields: Object.keys(body) });
        return camel((await repo.funding(q, ctx.partnership, fundingId))[0]! as unknown as Record<string, unknown>);
      });
    },
  };
}
