/**
 * Partner map: which organisations take part (inner or outer ring), their people,
 * and portfolios with mandate and deputy. Warnings point at fragile spots: a key
 * portfolio resting on one person, a partner without anyone who may decide.
 */
import type { Queryable } from '../../core/db.ts';
import { appendAudit } from '../../core/audit.ts';
import { AppError } from '../../core/errors.ts';
import type { Actor } from '../../core/session.ts';
import { defined, insertPartner, requireInPartnership, updateVersioned, type PartnershipKey } from './partnerships.repo.ts';
import * as repo from './partner-map.repo.ts';
import type { PartnerBody, PersonBody, PersonPatch, PortfolioBody, PortfolioPatch } from './partner-map.schemas.ts';
import { warning, type Warning, type Workspace } from './workspace.ts';

/** The map's warnings, computed on the whole map (never on a filtered view). */
export function mapWarnings(partners: repo.PartnerRow[], people: repo.PersonRow[], portfolios: repo.PortfolioRow[]): Warning[] {
  const out: Warning[] = [];
  const personById = new Map(people.map((p) => [p.id, p]));
  for (const pf of portfolios) {
    if (pf.is_key && !pf.deputy_person_id) {
      const who = personById.get(pf.person_id)?.name ?? '';
      out.push(warning('key_portfolio_no_deputy',
        `De sleutelportefeuille "${pf.topic}" rust op één persoon (${who}) zonder vervanger.`,
        `The key portfolio "${pf.topic}" rests on one person (${who}) with no deputy.`, { type: 'portfolio', id: pf.id }));
    }
  }
  for (const pa of partners) {
    const mine = new Set(people.filter((p) => p.partner_id === pa.id).map((p) => p.id));
    if (!portfolios.some((pf) => mine.has(pf.person_id) && pf.has_mandate)) {
      out.push(warning('partner_without_mandate',
        `Niemand van ${pa.organisation_name} heeft mandaat om besluiten te nemen.`,
        `No one from ${pa.organisation_name} has a mandate to decide.`, { type: 'partner', id: pa.id }));
    }
  }
  return out;
}

export async function loadMapWarnings(q: Queryable, p: PartnershipKey): Promise<Warning[]> {
  return mapWarnings(await repo.partners(q, p), await repo.people(q, p), await repo.portfolios(q, p));
}

/** The platform's chain, where organisations created are recorded (as in the admin module). */
const PLATFORM_CHAIN = 'platform';

const has = (s: string | null | undefined, needle: string) => Boolean(s && s.toLowerCase().includes(needle));

export function createPartnerMapService(ws: Workspace) {
  return {
    async getMap(actor: Actor, id: string, query: { q?: string; organisationId?: string; topic?: string }) {
      return ws.read(actor, id, 'map', async (q, ctx) => {
        const [partners, people, portfolios] = [await repo.partners(q, ctx.partnership), await repo.people(q, ctx.partnership), await repo.portfolios(q, ctx.partnership)];
        const names = new Map(people.map((p) => [p.id, p.name]));
        const text = query.q?.trim().toLowerCase();
        const topic = query.topic?.trim().toLowerCase();
        const out = partners
          .filter((pa) => !query.organisationId || pa.organisation_id === query.organisationId)
          .map((pa) => {
            const orgHit = !text || has(pa.organisation_name, text);
            const persons = people.filter((p) => p.partner_id === pa.id).map((p) => {
              const pfs = portfolios.filter((pf) => pf.person_id === p.id);
              const shown = pfs.filter((pf) => (!topic || has(pf.topic, topic)));
              const hit = (orgHit || has(p.name, text!) || has(p.role_title, text!) || pfs.some((pf) => has(pf.topic, text!) || has(pf.responsibilities, text!)))
                && (!topic || shown.length > 0);
              return hit ? { ...repo.toPerson(p, pa.ring), portfolios: shown.map((pf) => repo.toPortfolio(pf, pf.deputy_person_id ? names.get(pf.deputy_person_id) ?? null : null)) } : null;
            }).filter((p) => p !== null);
            const searching = Boolean(text || topic);
            return (!searching || (orgHit && !topic) || persons.length > 0) ? { ...repo.toPartner(pa), people: persons } : null;
          }).filter((p) => p !== null);
        return { partners: out, warnings: mapWarnings(partners, people, portfolios), allowedActions: ctx.allowedActions };
      });
    },

    /**
     * Adds a partner: an organisation of the partnership's region, or (newOrganisation) one that is
     * not in Rondom yet, created here as a contact-only organisation in the partnership's region.
     * Creating one needs 'add_organisation' (policy or coordinator role in a partner organisation).
     */
    async addPartner(actor: Actor, id: string, body: PartnerBody) {
      const { newOrganisation, organisationId: chosen, ...rest } = body;
      if (Boolean(chosen) === Boolean(newOrganisation)) {
        throw new AppError('validation_failed', { fields: { organisationId: 'choose an organisation or add a new one (one of the two)' } });
      }
      return ws.write(actor, id, newOrganisation ? 'add_organisation' : 'manage_partners', async (q, ctx, audit) => {
        const regionId = ctx.partnership.region_id;
        let organisationId = chosen!;
        if (newOrganisation) {
          const name = newOrganisation.name.trim();
          if (await repo.organisationNamed(q, name, regionId)) {
            throw new AppError('already_exists', { fields: { 'newOrganisation.name': 'an organisation of this name already exists in this region: choose it from the list' } });
          }
          organisationId = await repo.insertOrganisation(q, regionId, { type: newOrganisation.type, name });
          await audit('partnership.organisation_created', { type: 'organisation', id: organisationId }, { type: newOrganisation.type, contactOnly: true });
          // The platform's own record of organisations created, as for one a platform admin creates.
          await appendAudit(q, {
            chainKey: PLATFORM_CHAIN, kind: 'admin.organisation_created', regionId, actorUserId: actor.userId, subjectType: 'organisation', subjectId: organisationId,
            details: { type: newOrganisation.type, viaPartnershipId: id, contactOnly: true },
          });
        } else if (!(await repo.organisationInRegion(q, organisationId, regionId))) {
          throw new AppError('invalid_reference', { fields: { organisationId: 'not an organisation of this region' } });
        }
        if (ctx.partnerOrgIds.includes(organisationId)) throw new AppError('already_exists', { fields: { organisationId: 'already a partner' } });
        const row = await insertPartner(q, { partnershipId: id, regionId, organisationId, ...rest });
        await audit('partnership.partner_saved', { type: 'partner', id: row.id as string }, { organisationId, op: 'added' });
        return repo.toPartner((await repo.partner(q, ctx.partnership, row.id as string))!);
      });
    },

    async updatePartner(actor: Actor, id: string, partnerId: string, version: number, body: { ring?: string; roleDescription?: string | null }) {
      return ws.write(actor, id, 'manage_partners', async (q, ctx, audit) => {
        await updateVersioned<repo.PartnerRow>(q, 'partnership_partners', { id: partnerId, partnership: ctx.partnership }, version,
          defined({ ring: body.ring, role_description: body.roleDescription }));
        await audit('partnership.partner_saved', { type: 'partner', id: partnerId }, { fields: Object.keys(body), op: 'updated' });
        return repo.toPartner((await repo.partner(q, ctx.partnership, partnerId))!);
      });
    },

    async addPerson(actor: Actor, id: string, body: PersonBody) {
      return ws.write(actor, id, 'manage_partners', async (q, ctx, audit) => {
        await requireInPartnership(q, 'partnership_partners', ctx.partnership, [body.partnerId], 'partnerId');
        if (body.userId && !(await repo.staffUserInRegion(q, body.userId, ctx.partnership.region_id))) {
          throw new AppError('invalid_reference', { fields: { userId: 'not a staff account of this region' } });
        }
        const row = await repo.insertPerson(q, id, ctx.partnership.region_id, body);
        await audit('partnership.person_saved', { type: 'person', id: row.id }, { op: 'added', fields: Object.keys(body) });
        return repo.toPerson(row);
      });
    },

    async updatePerson(actor: Actor, id: string, personId: string, version: number, body: PersonPatch) {
      return ws.write(actor, id, 'manage_partners', async (q, ctx, audit) => {
        if (body.userId && !(await repo.staffUserInRegion(q, body.userId, ctx.partnership.region_id))) {
          throw new AppError('invalid_reference', { fields: { userId: 'not a staff account of this region' } });
        }
        const row = await updateVersioned<repo.PersonRow>(q, 'partnership_people', { id: personId, partnership: ctx.partnership }, version, defined({
          name: body.name, role_title: body.roleTitle, email: body.email, phone: body.phone, ring: body.ring, user_id: body.userId,
        }), (r) => repo.toPerson(r));
        await audit('partnership.person_saved', { type: 'person', id: personId }, { op: 'updated', fields: Object.keys(body) });
        return repo.toPerson(row);
      });
    },

    async addPortfolio(actor: Actor, id: string, body: PortfolioBody) {
      return ws.write(actor, id, 'manage_partners', async (q, ctx, audit) => {
        await requireInPartnership(q, 'partnership_people', ctx.partnership, [body.personId], 'personId');
        await requireInPartnership(q, 'partnership_people', ctx.partnership, [body.deputyPersonId], 'deputyPersonId');
        if (body.deputyPersonId === body.personId) throw new AppError('validation_failed', { fields: { deputyPersonId: 'a person cannot deputise for themselves' } });
        const row = await repo.insertPortfolio(q, id, ctx.partnership.region_id, body);
        await audit('partnership.portfolio_saved', { type: 'portfolio', id: row.id }, { op: 'added', isKey: row.is_key, hasMandate: row.has_mandate });
        return repo.toPortfolio(row);
      });
    },

    async updatePortfolio(actor: Actor, id: string, portfolioId: string, version: number, body: PortfolioPatch) {
      return ws.write(actor, id, 'manage_partners', async (q, ctx, audit) => {
        await requireInPartnership(q, 'partnership_people', ctx.partnership, [body.deputyPersonId], 'deputyPersonId');
        const [cur] = await q.query<{ person_id: string }>(
          `SELECT person_id FROM partnership_portfolios WHERE region_id = $3 AND id = $1 AND partnership_id = $2`, [portfolioId, id, ctx.partnership.region_id]);
        if (cur && body.deputyPersonId === cur.person_id) throw new AppError('validation_failed', { fields: { deputyPersonId: 'a person cannot deputise for themselves' } });
        const row = await updateVersioned<repo.PortfolioRow>(q, 'partnership_portfolios', { id: portfolioId, partnership: ctx.partnership }, version, defined({
          topic: body.topic, responsibilities: body.responsibilities, mandate: body.mandate, has_mandate: body.hasMandate,
          deputy_person_id: body.deputyPersonId, is_key: body.isKey,
        }), (r) => repo.toPortfolio(r));
        await audit('partnership.portfolio_saved', { type: 'portfolio', id: portfolioId }, { op: 'updated', fields: Object.keys(body) });
        return repo.toPortfolio(row);
      });
    },
  };
}
