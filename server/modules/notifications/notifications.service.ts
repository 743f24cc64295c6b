/**
 * The in-app inbox. Services write notifications with `notify()` (server/core/access.ts)
 * in the same transaction as the change; this module reads and marks them. Another
 * delivery channel (e-mail) would read the same rows.
 */
import { Type, type Static } from 'typebox';
import type { Db } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';
import { actorRegions, type Actor } from '../../core/session.ts';
import { resolveAccessMany } from '../../core/access.ts';

export const NotificationOut = Type.Object({
  id: Type.String({ format: 'uuid' }), kind: Type.String(), youngPersonId: Type.Union([Type.String(), Type.Null()]),
  childName: Type.Union([Type.String(), Type.Null()]), payload: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Type.String(), read: Type.Boolean(),
});
/** For the web app (`import type` only). */
export type NotificationOut = Static<typeof NotificationOut>;

export function createNotificationsService(db: Db) {
  return {
    async list(actor: Actor, unreadOnly = false) {
      const rows = await db.query<{ id: string; kind: string; young_person_id: string | null; child: string | null; payload: unknown; created_at: Date; read_at: Date | null }>(
        `SELECT n.id, n.kind, n.young_person_id, y.given_name || ' ' || y.family_name AS child, n.payload, n.created_at, n.read_at
           FROM notifications n LEFT JOIN young_people y ON y.region_id = ANY($3::uuid[]) AND y.region_id = n.region_id AND y.id = n.young_person_id
          WHERE n.region_id = ANY($3::uuid[]) AND n.user_id = $1 AND ($2 = false OR n.read_at IS NULL) ORDER BY n.created_at DESC LIMIT 100`,
        [actor.userId, unreadOnly, actorRegions(actor)]);
      // A notification names a child, and links to it, only while its reader may open that child.
      const reach = await resolveAccessMany(db, actor, rows.flatMap((r) => (r.young_person_id ? [r.young_person_id] : [])));
      return rows.map((r) => ({
        id: r.id, kind: r.kind,
        youngPersonId: r.young_person_id && reach.has(r.young_person_id) ? r.young_person_id : null,
        childName: r.young_person_id && reach.has(r.young_person_id) ? r.child : null,
        payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>,
        createdAt: new Date(r.created_at).toISOString(), read: r.read_at !== null,
      }));
    },
    async markRead(actor: Actor, id: string) {
      // The time as a parameter: Citus refuses now() inside COALESCE.
      const rows = await db.query(
        `UPDATE notifications SET read_at = COALESCE(read_at, $4::timestamptz) WHERE region_id = ANY($3::uuid[]) AND id = $1 AND user_id = $2 RETURNING id`,
        [id, actor.userId, actorRegions(actor), new Date()]);
      if (rows.length === 0) throw new AppError('not_found');
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
