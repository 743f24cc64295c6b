/**
 * Who is the privacy officer (functionaris gegevensbescherming, FG) for what. By rule, never chosen
 * by the person whose act is reviewed: an organisation's own privacy officers; when it has none,
 * the privacy officers of the region. The rules of the privacy officer's work are in README.md.
 */
import type { Queryable } from '../../core/db.ts';
import type { Actor } from '../../core/session.ts';

/** The organisations a privacy officer covers: their own, and those of their region that have none. */
export const COVERED_ORGS_SQL = `
  SELECT o.id FROM organisations o
   WHERE o.id IN (SELECT m.organisation_id FROM memberships m WHERE m.user_id = $1 AND m.role = 'privacy_officer')
      OR (o.region_id IN (SELECT mo.region_id FROM memberships m JOIN organisations mo ON mo.id = m.organisation_id
                           WHERE m.user_id = $1 AND m.role = 'privacy_officer')
          AND NOT EXISTS (SELECT 1 FROM memberships p WHERE p.organisation_id = o.id AND p.role = 'privacy_officer'))`;

export const isPrivacyOfficer = (actor: Actor) => actor.kind === 'staff' && actor.memberships.some((m) => m.role === 'privacy_officer');

/** The privacy officers who review what this organisation's people do (active accounts), excluding `except`. */
export async function privacyOfficersFor(q: Queryable, organisationId: string, except?: string): Promise<string[]> {
  const rows = await q.query<{ user_id: string }>(
    `SELECT DISTINCT m.user_id FROM memberships m JOIN organisations mo ON mo.id = m.organisation_id JOIN users u ON u.id = m.user_id AND u.active
      WHERE m.role = 'privacy_officer' AND ($2::uuid IS NULL OR m.user_id <> $2)
        AND (m.organisation_id = $1
             OR (mo.region_id = (SELECT region_id FROM organisations WHERE id = $1)
                 AND NOT EXISTS (SELECT 1 FROM memberships p JOIN users pu ON pu.id = p.user_id AND pu.active
                                  WHERE p.organisation_id = $1 AND p.role = 'privacy_officer' AND ($2::uuid IS NULL OR p.user_id <> $2))))
      ORDER BY m.user_id`, [organisationId, except ?? null]);
  return rows.map((r) => r.user_id);
}
