/**
 * Administration of regions, areas, organisations and accounts.
 * Every change is audited in the same transaction.
 */
import type { Db, Queryable } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';
import { appendAudit, userChain } from '../../core/audit.ts';
import { checkPasswordPolicy, hashPassword } from '../../core/passwords.ts';
import type { Actor } from '../../core/session.ts';
import { adminOrgIds, adminPolicy } from './admin.policy.ts';
import * as repo from './admin.repo.ts';
import type { OrganisationBody, UserBody, UserSearchQuery } from './admin.schemas.ts';

const PLATFORM_CHAIN = 'platform';

function deny(): never {
  throw new AppError('forbidden');
}

/**
 * Refuses an attempted change of rights: an `access.denied` event (written on its own, as the
 * refused change writes nothing) on the target's chain when there is a target, else on the
 * actor's own chain, then 403.
 */
async function refuse(db: Db, actor: Actor, attempted: string, target?: { userId: string; regionId: string }, details: Record<string, unknown> = {}): Promise<never> {
  await appendAudit(db, {
    chainKey: userChain(target?.userId ?? actor.userId), kind: 'access.denied', outcome: 'denied', regionId: target?.regionId ?? actor.regionId,
    actorUserId: actor.userId, subjectType: 'user', subjectId: target?.userId ?? null, details: { attempted, ...details },
  });
  deny();
}

export interface NewUser extends Omit<UserBody, 'password'> {
  password?: string;
  /** A ready hash (demo data shares one), instead of a password. */
  passwordHash?: string;
}

/** 422: an organisation of another region than the user's (a platform admin's mistake; org admins are refused earlier). */
function outsideRegion(field: string): AppError {
  return new AppError('unprocessable', {
    en: 'This organisation is in another region than the user.', nl: 'Deze organisatie hoort bij een andere regio dan de gebruiker.',
    fields: { [field]: 'organisation of another region' },
  });
}

/** Creates a user with memberships. Used by the API, the CLI and the demo. */
export async function createUserTx(q: Queryable, input: NewUser, actorUserId: string | null): Promise<string> {
  const [dup] = await q.query(`SELECT 1 FROM users WHERE lower(email) = lower($1)`, [input.email.trim()]);
  if (dup) throw new AppError('already_exists', { en: 'An account with this e-mail address already exists.', nl: 'Er is al een account met dit e-mailadres.', fields: { email: 'already in use' } });
  let passwordHash = input.passwordHash;
  if (!passwordHash) {
    checkPasswordPolicy(input.password ?? '', input.email);
    passwordHash = await hashPassword(input.password!);
  }
  if (input.kind !== 'staff' && (input.memberships?.length || input.isPlatformAdmin)) {
    throw new AppError('validation_failed', { fields: { kind: 'parents and young people have no organisation or admin role' } });
  }
  const [region] = await q.query(`SELECT 1 FROM regions WHERE id = $1`, [input.regionId]);
  if (!region) throw new AppError('validation_failed', { fields: { regionId: 'unknown region' } });
  const id = await repo.insertUser(q, { ...input, passwordHash });
  for (const m of input.memberships ?? []) {
    const [org] = await q.query<{ region_id: string }>(`SELECT region_id FROM organisations WHERE id = $1`, [m.organisationId]);
    if (!org) throw new AppError('validation_failed', { fields: { memberships: 'unknown organisation' } });
    if (!adminPolicy.membershipInRegion(input.regionId, org.region_id)) throw outsideRegion('memberships');
    await repo.insertMembership(q, id, m.organisationId, m.role);
  }
  await appendAudit(q, {
    chainKey: userChain(id), kind: 'admin.user_created', regionId: input.regionId, actorUserId,
    subjectType: 'user', subjectId: id,
    details: { kind: input.kind, platformAdmin: Boolean(input.isPlatformAdmin), roles: (input.memberships ?? []).map((m) => m.role) },
  });
  return id;
}

export function createAdminService(db: Db) {
  return {
    async createRegion(actor: Actor, body: { slug: string; name: string }) {
      if (!adminPolicy.canManageRegions(actor)) deny();
      return db.tx(async (q) => {
        const region = await repo.insertRegion(q, body.slug, body.name);
        await appendAudit(q, { chainKey: PLATFORM_CHAIN, kind: 'admin.region_created', regionId: region.id, actorUserId: actor.userId, subjectType: 'region', subjectId: region.id });
        return region;
      });
    },

    async listRegions(actor: Actor) {
      if (!adminPolicy.canManageRegions(actor)) deny();
      return db.query<{ id: string; slug: string; name: string; disagreementDays: number }>(
        `SELECT id, slug, name, disagreement_days AS "disagreementDays" FROM regions ORDER BY name`);
    },

    /** The region's settings (the disagreement period); changed fields are audited, not values elsewhere. */
    async updateRegionSettings(actor: Actor, regionId: string, body: { disagreementDays: number }) {
      if (!adminPolicy.canManageRegions(actor)) deny();
      return db.tx(async (q) => {
        const [before] = await q.query<{ days: number }>(`SELECT disagreement_days AS days FROM regions WHERE id = $1`, [regionId]);
        if (!before) throw new AppError('not_found');
        const [r] = await q.query<{ id: string; slug: string; name: string; disagreementDays: number }>(
          `UPDATE regions SET disagreement_days = $2 WHERE id = $1 RETURNING id, slug, name, disagreement_days AS "disagreementDays"`, [regionId, body.disagreementDays]);
        await appendAudit(q, { chainKey: PLATFORM_CHAIN, kind: 'admin.region_updated', regionId, actorUserId: actor.userId, subjectType: 'region', subjectId: regionId,
          details: { disagreementDays: { from: before.days, to: body.disagreementDays } } });
        return r!;
      });
    },

    async createArea(actor: Actor, regionId: string, body: { kind: string; name: string; code?: string; parentId?: string }) {
      if (!adminPolicy.canManageRegions(actor)) deny();
      return db.tx(async (q) => {
        const [region] = await q.query(`SELECT 1 FROM regions WHERE id = $1`, [regionId]);
        if (!region) throw new AppError('not_found');
        if (body.parentId) {
          // The region key travels with the row: an area's parent lies in the same region.
          const [parent] = await q.query(`SELECT 1 FROM areas WHERE id = $1 AND region_id = $2`, [body.parentId, regionId]);
          if (!parent) throw new AppError('unprocessable', { en: 'The parent area is not an area of this region.', nl: 'Het bovenliggende gebied hoort niet bij deze regio.', fields: { parentId: 'not an area of this region' } });
        }
        const area = await repo.insertArea(q, regionId, body);
        await appendAudit(q, { chainKey: PLATFORM_CHAIN, kind: 'admin.area_created', regionId, actorUserId: actor.userId, subjectType: 'area', subjectId: area.id });
        return area;
      });
    },

    async createOrganisation(actor: Actor, body: OrganisationBody) {
      if (!adminPolicy.canCreateOrganisation(actor)) deny();
      return db.tx(async (q) => {
        const [region] = await q.query(`SELECT 1 FROM regions WHERE id = $1`, [body.regionId]);
        if (!region) throw new AppError('validation_failed', { fields: { regionId: 'unknown region' } });
        if (body.areaId) {
          const [area] = await q.query(`SELECT 1 FROM areas WHERE id = $1 AND region_id = $2`, [body.areaId, body.regionId]);
          if (!area) throw new AppError('validation_failed', { fields: { areaId: 'not an area of this region' } });
        }
        const org = await repo.insertOrganisation(q, body);
        await appendAudit(q, { chainKey: PLATFORM_CHAIN, kind: 'admin.organisation_created', regionId: body.regionId, actorUserId: actor.userId, subjectType: 'organisation', subjectId: org.id, details: { type: body.type } });
        return org;
      });
    },

    async listOrganisations(actor: Actor, query: { regionId?: string; limit?: number; offset?: number }) {
      if (!adminPolicy.canListOrganisations(actor)) deny();
      const own = actor.isPlatformAdmin ? null : adminOrgIds(actor);
      const rows = await db.query<repo.OrganisationRow>(
        `SELECT * FROM organisations WHERE ($1::uuid[] IS NULL OR id = ANY($1)) AND ($2::uuid IS NULL OR region_id = $2)
          ORDER BY name LIMIT $3 OFFSET $4`,
        [own, query.regionId ?? null, query.limit ?? 100, query.offset ?? 0]);
      return rows.map(repo.toOrganisation);
    },

    /** Organisation names and types are not personal data: every staff member may see their region's directory. */
    async directory(actor: Actor, type?: string) {
      if (actor.kind !== 'staff') deny();
      return db.query<{ id: string; name: string; type: string; schoolType: string | null }>(
        `SELECT id, name, type, school_type AS "schoolType" FROM organisations WHERE region_id = $1 AND ($2::text IS NULL OR type = $2) ORDER BY name`,
        [actor.regionId, type ?? null]);
    },

    async createUser(actor: Actor, body: UserBody) {
      const organisationIds = (body.memberships ?? []).map((m) => m.organisationId);
      if (!adminPolicy.canCreateUser(actor, { regionId: body.regionId, kind: body.kind, isPlatformAdmin: body.isPlatformAdmin, organisationIds })) {
        await refuse(db, actor, 'admin.user_created', undefined, { regionId: body.regionId, organisationIds, platformAdmin: Boolean(body.isPlatformAdmin) });
      }
      const id = await db.tx((q) => createUserTx(q, body, actor.userId));
      const [user] = await repo.findUsers(db, { ids: [id], limit: 1, offset: 0 });
      return user!;
    },

    async listUsers(actor: Actor, query: { regionId?: string; limit?: number; offset?: number }) {
      if (!adminPolicy.canListUsers(actor)) deny();
      return repo.findUsers(db, {
        organisationIds: actor.isPlatformAdmin ? undefined : adminOrgIds(actor),
        regionId: query.regionId, limit: query.limit ?? 100, offset: query.offset ?? 0,
      });
    },

    /** One page of the users this admin administers, by name or e-mail, organisation, role and active. */
    async searchUsers(actor: Actor, query: UserSearchQuery) {
      if (!adminPolicy.canListUsers(actor)) deny();
      const limit = query.limit ?? 25;
      const offset = query.offset ?? 0;
      // LIKE's wildcards and its escape character are searched for as themselves.
      const term = query.q?.trim().toLowerCase().replace(/[%_\\]/g, '\\$&');
      const page = await repo.searchUsers(db, {
        organisationIds: actor.isPlatformAdmin ? undefined : adminOrgIds(actor), regionId: query.regionId,
        term: term || undefined, organisationId: query.organisationId, role: query.role, active: query.active, limit, offset,
      });
      return { ...page, offset, limit };
    },

    async addMembership(actor: Actor, userId: string, body: { organisationId: string; role: string }) {
      const outcome = await db.tx(async (q) => {
        const target = await repo.findMembershipTarget(q, userId);
        if (!adminPolicy.canAddMembership(actor, target, body.organisationId)) return { denied: target };
        if (!target) throw new AppError('not_found');
        if (target.kind !== 'staff') throw new AppError('validation_failed', { fields: { userId: 'only staff belong to organisations' } });
        const [org] = await q.query<{ region_id: string }>(`SELECT region_id FROM organisations WHERE id = $1`, [body.organisationId]);
        if (!org) throw new AppError('validation_failed', { fields: { organisationId: 'unknown organisation' } });
        if (!adminPolicy.membershipInRegion(target.regionId, org.region_id)) throw outsideRegion('organisationId');
        await repo.insertMembership(q, userId, body.organisationId, body.role);
        // Privilege change: the user's sessions end, so new rights start with a fresh session.
        await q.query(`DELETE FROM sessions WHERE user_id = $1`, [userId]);
        await appendAudit(q, { chainKey: userChain(userId), kind: 'admin.membership_added', regionId: target.regionId, actorUserId: actor.userId, subjectType: 'user', subjectId: userId, details: { organisationId: body.organisationId, role: body.role } });
        const [out] = await repo.findUsers(q, { ids: [userId], limit: 1, offset: 0 });
        return { user: out! };
      });
      if ('user' in outcome) return outcome.user;
      return refuse(db, actor, 'admin.membership_added', outcome.denied ? { userId, regionId: outcome.denied.regionId } : undefined,
        { organisationId: body.organisationId, role: body.role });
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
