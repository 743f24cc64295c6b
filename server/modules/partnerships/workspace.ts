/**
 * The workspace gate: every part of the module reaches a partnership through here.
 * It resolves the partnership (among the actor's regions; from then on its region_id
 * is named in every statement, ctx.partnership is the key the repos take), checks
 * membership (non-members get 404 and an access.denied audit event), and runs the work
 * in one transaction together with its audit event (reads are audited too), on the
 * chain `partnership:<id>`.
 */
import type { Db, Queryable } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';
import { appendAudit, type AuditKind } from '../../core/audit.ts';
import { actorRegions, type Actor } from '../../core/session.ts';
import { partnershipPolicy, workspaceOrgIds, type WorkspaceAction } from './partnerships.policy.ts';
import { findPartnership, partnerOrgIds, type PartnershipRow } from './partnerships.repo.ts';

export function partnershipChain(id: string): string {
  return `partnership:${id}`;
}

export interface Ctx {
  actor: Actor;
  partnership: PartnershipRow;
  partnerOrgIds: string[];
  allowedActions: WorkspaceAction[];
  /** The actor's organisation through which they reach this workspace (for the audit record). */
  viaOrgId: string | null;
}

export interface Warning {
  code: string;
  messageNl: string;
  messageEn: string;
  subjectType?: string;
  subjectId?: string;
}

export function warning(code: string, nl: string, en: string, subject?: { type: string; id: string }): Warning {
  return { code, messageNl: nl, messageEn: en, ...(subject ? { subjectType: subject.type, subjectId: subject.id } : {}) };
}

export interface Audit {
  (kind: AuditKind, subject: { type: string; id: string }, details?: Record<string, unknown>): Promise<void>;
}

export function auditFor(q: Queryable, ctx: Ctx): Audit {
  return (kind, subject, details) => appendAudit(q, {
    chainKey: partnershipChain(ctx.partnership.id), kind, regionId: ctx.partnership.region_id, actorUserId: ctx.actor.userId,
    actorOrganisationId: ctx.viaOrgId, subjectType: subject.type, subjectId: subject.id, basis: 'partnership_member', details,
  });
}

export function createWorkspace(db: Db) {
  /** Resolves and checks access outside any transaction, so a denial can be audited and still refused. */
  async function open(actor: Actor, partnershipId: string, action: WorkspaceAction): Promise<Ctx> {
    // Only in the actor's regions: a partnership of another region does not exist for them.
    const partnership = await findPartnership(db, partnershipId, actorRegions(actor));
    if (!partnership) throw new AppError('not_found');
    const orgIds = await partnerOrgIds(db, partnership);
    const allowed = partnershipPolicy.allowedActions(actor, orgIds);
    if (!allowed.includes(action)) {
      await appendAudit(db, {
        chainKey: partnershipChain(partnershipId), kind: 'access.denied', outcome: 'denied', regionId: partnership.region_id,
        actorUserId: actor.userId, subjectType: 'partnership', subjectId: partnershipId, details: { action },
      });
      // 404, not 403: a non-member does not learn that the workspace exists.
      throw new AppError('not_found');
    }
    const own = workspaceOrgIds(actor);
    return { actor, partnership, partnerOrgIds: orgIds, allowedActions: allowed, viaOrgId: orgIds.find((id) => own.includes(id)) ?? null };
  }

  return {
    open,
    /** A read of one part of the workspace, audited as partnership.read. */
    async read<T>(actor: Actor, partnershipId: string, part: string, fn: (q: Queryable, ctx: Ctx) => Promise<T>): Promise<T> {
      const ctx = await open(actor, partnershipId, 'view');
      return db.tx(async (q) => {
        const out = await fn(q, ctx);
        await auditFor(q, ctx)('partnership.read', { type: 'partnership', id: partnershipId }, { part });
        return out;
      });
    },
    /** A change; fn writes its own audit event(s) through the given audit function. */
    async write<T>(actor: Actor, partnershipId: string, action: WorkspaceAction, fn: (q: Queryable, ctx: Ctx, audit: Audit) => Promise<T>): Promise<T> {
      const ctx = await open(actor, partnershipId, action);
      return db.tx((q) => fn(q, ctx, auditFor(q, ctx)));
    },
  };
}

export type Workspace = ReturnType<typeof createWorkspace>;

/** Today as YYYY-MM-DD (UTC), for date comparisons. */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86400000);
}
