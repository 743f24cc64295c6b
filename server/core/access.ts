/**
 * Access to a young person's data: the one place where it is decided.
 *
 * Every read and write about a young person goes through `withChild`, which
 * 1. resolves the caller's access in the transaction (involvement + basis, parental
 *    authority, self, break-the-glass, school enrolment),
 * 2. checks the named rule the operation needs (server/modules/children/children.policy.ts),
 * 3. on refusal writes an `access.denied` audit event and answers 404 (the child does not
 *    exist for this caller) — or 403 when the caller fully sees the child (family, or a
 *    professional with a basis) but may not do this,
 * 4. otherwise runs the operation and writes its audit event: a write's in the same
 *    transaction; a read's committed (grouped with concurrent reads' on PostgreSQL) before
 *    its answer leaves.
 * A missing rule refuses: there is no permissive fallback.
 */
import { fromJson, fromJsonList, type Db, type Json, type Queryable } from './db.ts';
import { AppError } from './errors.ts';
import { appendAudit, appendReadAudit, auditWithFirstRead, youngPersonChain, userChain, type AuditEvent, type AuditKind } from './audit.ts';
import { actorRegions, type Actor, type Role } from './session.ts';
import { ageOn, today as todayIso, type IsoDate } from '../../shared/dates.ts';
import type { NotificationKind } from '../../shared/notifications.ts';
import { consentCoverage, type ConsentRow } from '../modules/consents/consent-rules.ts';

export type AccessLevel = 'none' | 'identity' | 'network' | 'guardian' | 'self';
export type Basis =
  | 'consent' | 'legal_task' | 'meldcode' | 'vital_interest' | 'break_glass' | 'enrolment' | 'guardian' | 'self' | 'involvement' | null;

export interface ChildAccess {
  level: AccessLevel;
  basis: Basis;
  youngPersonId: string;
  regionId: string;
  birthDate: IsoDate;
  ageYears: number;
  parentsAccess: 'full' | 'hidden';
  youngPersonUserId: string | null;
  networkId: string | null;
  leadUserId: string | null;
  /** The organisation the professional acts for (their involvement's). */
  organisationId: string | null;
  involvementRole: string | null;
  involved: boolean;
  isLead: boolean;
  guardianIds: string[];
  today: IsoDate;
}

/** Professional roles that may take part in a child's network. Policy roles see aggregates only. */
export const CASE_ROLES: Role[] = [
  'teacher', 'intern_begeleider', 'zorgcoordinator', 'youth_care_professional', 'jgz_professional', 'leerplicht_officer', 'swv_coordinator',
];
const SCHOOL_ROLES: Role[] = ['teacher', 'intern_begeleider', 'zorgcoordinator'];

interface YpRow {
  id: string; region_id: string; birth_date: string; school_id: string | null; user_id: string | null; parents_access: 'full' | 'hidden';
}

const toConsentRow = (r: ConsentJson): ConsentRow => ({
  consenterUserId: r.consenter_user_id, relation: r.consenter_relation, recipientOrganisationId: r.recipient_organisation_id,
  recipientRole: r.recipient_role, purpose: r.purpose, validFrom: r.valid_from, validUntil: r.valid_until, withdrawn: r.withdrawn,
});

export async function loadConsentRows(q: Queryable, regionId: string, youngPersonId: string): Promise<ConsentRow[]> {
  const rows = await q.query<ConsentJson>(
    `SELECT consenter_user_id, consenter_relation, recipient_organisation_id, recipient_role, purpose, valid_from, valid_until,
            withdrawn_at IS NOT NULL AS withdrawn
       FROM consents WHERE region_id = $1 AND young_person_id = $2 AND status = 'confirmed'`,
    [regionId, youngPersonId],
  );
  return rows.map(toConsentRow);
}

interface AccessFacts extends YpRow {
  network_id: string | null;
  lead_user_id: string | null;
  guardian_ids: string[] | string | null;
  involvements: { organisation_id: string; role: string }[] | string | null;
  legal: { kind: Basis; organisation_id: string } | string | null;
  consents: ConsentJson[] | string | null;
  glass_organisation_id: string | null;
}
interface ConsentJson {
  consenter_user_id: string | null; consenter_relation: 'parent' | 'young_person'; recipient_organisation_id: string | null;
  recipient_role: string | null; purpose: string; valid_from: string; valid_until: string | null; withdrawn: boolean;
}

/**
 * When a legal basis opens access: once someone else (a privacy officer) confirmed it; a Meldcode or
 * vital-interest basis also before review, until its provisional time ends (like break-the-glass).
 * A rejection ends it at once.
 */
export const LEGAL_BASIS_OPEN_SQL = `(l.review_outcome = 'confirmed' OR (l.review_outcome IS NULL AND l.provisional_until > now()))`;

/**
 * Everything the access decision needs, in one round trip: the young person, the active
 * network, the guardians, the caller's current involvements, the first valid legal basis of
 * those organisations, the consents, and a running break-the-glass grant.
 */
const accessFactsColumns = (R: string) => `
  WITH inv AS (
    SELECT n.young_person_id, i.organisation_id, i.role, i.starts_on, i.id
      FROM networks n JOIN involvements i ON i.region_id ${R} AND i.region_id = n.region_id AND i.network_id = n.id
     WHERE n.region_id ${R} AND n.young_person_id = $1 AND n.status = 'active' AND i.user_id = $2
       AND i.starts_on <= $3 AND (i.ends_on IS NULL OR i.ends_on >= $3))
  SELECT y.id, y.region_id, y.birth_date, y.school_id, y.user_id, y.parents_access,
         n.id AS network_id, n.lead_user_id,
         (SELECT json_agg(g.parent_user_id ORDER BY g.created_at, g.parent_user_id) FROM guardianships g
           WHERE g.region_id ${R} AND g.young_person_id = y.id AND g.has_authority) AS guardian_ids,
         (SELECT json_agg(json_build_object('organisation_id', inv.organisation_id, 'role', inv.role) ORDER BY inv.starts_on, inv.id)
            FROM inv WHERE inv.young_person_id = y.id) AS involvements,
         (SELECT json_build_object('kind', l.kind, 'organisation_id', l.organisation_id) FROM legal_bases l
           WHERE l.region_id ${R} AND l.young_person_id = y.id AND l.organisation_id IN (SELECT organisation_id FROM inv WHERE inv.young_person_id = y.id)
             AND ${LEGAL_BASIS_OPEN_SQL} AND (l.valid_until IS NULL OR l.valid_until >= $3)
           ORDER BY l.recorded_at LIMIT 1) AS legal,
         CASE WHEN EXISTS (SELECT 1 FROM inv WHERE inv.young_person_id = y.id) THEN
           (SELECT json_agg(json_build_object('consenter_user_id', c.consenter_user_id, 'consenter_relation', c.consenter_relation,
                   'recipient_organisation_id', c.recipient_organisation_id, 'recipient_role', c.recipient_role, 'purpose', c.purpose,
                   'valid_from', c.valid_from, 'valid_until', c.valid_until, 'withdrawn', c.withdrawn_at IS NOT NULL))
              FROM consents c WHERE c.region_id ${R} AND c.young_person_id = y.id AND c.status = 'confirmed') END AS consents,
         (SELECT b.organisation_id FROM break_glass_grants b WHERE b.region_id ${R} AND b.young_person_id = y.id AND b.user_id = $2 AND b.expires_at > now() AND b.ended_at IS NULL
           ORDER BY b.expires_at DESC LIMIT 1) AS glass_organisation_id`;
const accessFactsFrom = (R: string) => `
    FROM young_people y LEFT JOIN networks n ON n.region_id ${R} AND n.region_id = y.region_id AND n.young_person_id = y.id AND n.status = 'active'
   WHERE y.region_id ${R} AND y.id = $1`;


/**
 * The same facts for many young people ($1 an array): each kind read once for all of them (grouped),
 * instead of a subquery per child — a list of 200 children costs a few index scans, not 1,000
 * subqueries. Must say what ACCESS_FACTS_SQL says; the property test compares the two decisions.
 */
const accessFactsMany = (R: string) => `
  WITH inv AS (
    SELECT n.young_person_id, i.organisation_id, i.role, i.starts_on, i.id
      FROM networks n JOIN involvements i ON i.region_id ${R} AND i.region_id = n.region_id AND i.network_id = n.id
     WHERE n.region_id ${R} AND n.young_person_id = ANY($1::uuid[]) AND n.status = 'active' AND i.user_id = $2
       AND i.starts_on <= $3 AND (i.ends_on IS NULL OR i.ends_on >= $3)),
  inv_json AS (
    SELECT young_person_id, json_agg(json_build_object('organisation_id', organisation_id, 'role', role) ORDER BY starts_on, id) AS involvements
      FROM inv GROUP BY young_person_id),
  guardians AS (
    SELECT young_person_id, json_agg(parent_user_id ORDER BY created_at, parent_user_id) AS guardian_ids
      FROM guardianships WHERE region_id ${R} AND young_person_id = ANY($1::uuid[]) AND has_authority GROUP BY young_person_id),
  legal AS (
    SELECT DISTINCT ON (l.young_person_id) l.young_person_id, json_build_object('kind', l.kind, 'organisation_id', l.organisation_id) AS legal
      FROM legal_bases l
     WHERE l.region_id ${R} AND l.young_person_id = ANY($1::uuid[]) AND ${LEGAL_BASIS_OPEN_SQL} AND (l.valid_until IS NULL OR l.valid_until >= $3)
       AND EXISTS (SELECT 1 FROM inv WHERE inv.young_person_id = l.young_person_id AND inv.organisation_id = l.organisation_id)
     ORDER BY l.young_person_id, l.recorded_at),
  consent_json AS (
    SELECT c.young_person_id, json_agg(json_build_object('consenter_user_id', c.consenter_user_id, 'consenter_relation', c.consenter_relation,
             'recipient_organisation_id', c.recipient_organisation_id, 'recipient_role', c.recipient_role, 'purpose', c.purpose,
             'valid_from', c.valid_from, 'valid_until', c.valid_until, 'withdrawn', c.withdrawn_at IS NOT NULL)) AS consents
      FROM consents c WHERE c.region_id ${R} AND c.young_person_id IN (SELECT young_person_id FROM inv) AND c.status = 'confirmed' GROUP BY c.young_person_id),
  glass AS (
    SELECT DISTINCT ON (b.young_person_id) b.young_person_id, b.organisation_id AS glass_organisation_id
      FROM break_glass_grants b WHERE b.region_id ${R} AND b.young_person_id = ANY($1::uuid[]) AND b.user_id = $2 AND b.expires_at > now() AND b.ended_at IS NULL
     ORDER BY b.young_person_id, b.expires_at DESC)
  SELECT y.id, y.region_id, y.birth_date, y.school_id, y.user_id, y.parents_access, n.id AS network_id, n.lead_user_id,
         guardians.guardian_ids, inv_json.involvements, legal.legal, consent_json.consents, glass.glass_organisation_id
    FROM young_people y
    LEFT JOIN LATERAL (SELECT id, lead_user_id FROM networks WHERE region_id ${R} AND region_id = y.region_id AND young_person_id = y.id AND status = 'active') n ON true
    LEFT JOIN guardians ON guardians.young_person_id = y.id
    LEFT JOIN inv_json ON inv_json.young_person_id = y.id
    LEFT JOIN legal ON legal.young_person_id = y.id
    LEFT JOIN consent_json ON consent_json.young_person_id = y.id
    LEFT JOIN glass ON glass.young_person_id = y.id
   WHERE y.region_id ${R} AND y.id = ANY($1::uuid[])`;

/**
 * Each statement names the regions in every table it reads (Citus routes by what each table
 * names, not by correlation or joins): one region — nearly everyone — as `= $4`, which Citus
 * sends to that region's one shard; several as `= ANY($4)`.
 */
const ONE_REGION = '= $4::uuid';
const REGIONS = '= ANY($4::uuid[])';
const ACCESS_FACTS_SQL = { one: accessFactsColumns(ONE_REGION) + accessFactsFrom(ONE_REGION), any: accessFactsColumns(REGIONS) + accessFactsFrom(REGIONS) };
const ACCESS_FACTS_MANY_SQL = { one: accessFactsMany(ONE_REGION), any: accessFactsMany(REGIONS) };
function regionsOf(actor: Actor): { variant: 'one' | 'any'; param: string | string[] } {
  const regions = actorRegions(actor);
  return regions.length === 1 ? { variant: 'one', param: regions[0]! } : { variant: 'any', param: regions };
}

/** A read's first statement, fetched with the access facts (ChildOperation.prefetch). */
export interface Prefetch { sql: string; params: unknown[] }

/**
 * The access facts with a read's statement as one more column (its rows as a JSON array), so
 * both come in one round trip. The read's parameters are renumbered after the facts' three.
 */
const prefetchSql = new Map<string, string>();
function accessFactsWith(prefetch: Prefetch, variant: 'one' | 'any'): string {
  const key = `${variant}:${prefetch.sql}`;
  let sql = prefetchSql.get(key);
  if (!sql) {
    const R = variant === 'one' ? ONE_REGION : REGIONS;
    const renumbered = prefetch.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + 4}`);
    sql = `${accessFactsColumns(R)},\n         (SELECT json_agg(pf) FROM (${renumbered}) pf) AS prefetched${accessFactsFrom(R)}`;
    prefetchSql.set(key, sql);
  }
  return sql;
}

/** Works out what the actor may reach of this young person today. Never throws for "no access". */
export async function resolveAccess(q: Queryable, actor: Actor, youngPersonId: string, on = todayIso()): Promise<ChildAccess | null> {
  return (await resolveAccessWith(q, actor, youngPersonId, on))?.access ?? null;
}

/**
 * resolveAccess, and with `prefetch` that read's rows too (fetched in the same statement, before
 * the decision: the caller drops them unread when the decision refuses). Its columns arrive as
 * JSON types (a timestamp as an ISO string).
 */
async function resolveAccessWith(q: Queryable, actor: Actor, youngPersonId: string, on: IsoDate, prefetch?: Prefetch) {
  if (!/^[0-9a-f-]{36}$/i.test(youngPersonId)) return null;
  const r = regionsOf(actor);
  const [yp] = await q.query<AccessFacts & { prefetched?: Json<unknown[]> }>(
    prefetch ? accessFactsWith(prefetch, r.variant) : ACCESS_FACTS_SQL[r.variant], [youngPersonId, actor.userId, on, r.param, ...(prefetch?.params ?? [])]);
  if (!yp) return null;
  const prefetched = prefetch ? fromJsonList(yp.prefetched ?? null) : undefined;
  return { access: decideAccess(actor, yp, on), prefetched };
}

/**
 * The same decision for many young people at once (lists that name children: tasks, worklist,
 * search): one statement, then the one decision per child. Children the caller may not reach
 * are left out of the map.
 */
export async function resolveAccessMany(q: Queryable, actor: Actor, youngPersonIds: string[], on = todayIso()): Promise<Map<string, ChildAccess>> {
  const ids = [...new Set(youngPersonIds.filter((id) => /^[0-9a-f-]{36}$/i.test(id)))];
  const out = new Map<string, ChildAccess>();
  if (ids.length === 0) return out;
  const r = regionsOf(actor);
  const rows = await q.query<AccessFacts>(ACCESS_FACTS_MANY_SQL[r.variant], [ids, actor.userId, on, r.param]);
  for (const r of rows) {
    const a = decideAccess(actor, r, on);
    if (a.level !== 'none') out.set(r.id, a);
  }
  return out;
}

/** The decision itself, over facts already loaded: no database access. */
function decideAccess(actor: Actor, yp: AccessFacts, on: IsoDate): ChildAccess {
  const guardianIds = fromJson<string[]>(yp.guardian_ids) ?? [];
  const access: ChildAccess = {
    level: 'none', basis: null, youngPersonId: yp.id, regionId: yp.region_id, birthDate: yp.birth_date, ageYears: ageOn(yp.birth_date, on),
    parentsAccess: yp.parents_access, youngPersonUserId: yp.user_id, networkId: yp.network_id, leadUserId: yp.lead_user_id,
    organisationId: null, involvementRole: null, involved: false, isLead: false, guardianIds, today: on,
  };
  // Data never crosses regions.
  if (actor.regionId !== yp.region_id && !actor.memberships.some((m) => m.regionId === yp.region_id)) return access;

  if (actor.kind === 'young_person') {
    if (yp.user_id === actor.userId) Object.assign(access, { level: 'self', basis: 'self' });
    return access;
  }
  if (actor.kind === 'parent') {
    // Parental authority ends at 18; from 16 the young person may close the family view.
    if (guardianIds.includes(actor.userId) && access.ageYears < 18) Object.assign(access, { level: 'guardian', basis: 'guardian' });
    return access;
  }
  const caseMemberships = actor.memberships.filter((m) => CASE_ROLES.includes(m.role));
  if (caseMemberships.length === 0) return access;

  const involvements = fromJson<{ organisation_id: string; role: string }[]>(yp.involvements) ?? [];
  if (involvements.length > 0) {
    access.involved = true;
    access.isLead = yp.lead_user_id === actor.userId;
    access.organisationId = involvements[0]!.organisation_id;
    access.involvementRole = involvements[0]!.role;
    const legal = fromJson<{ kind: Basis; organisation_id: string }>(yp.legal);
    if (legal) {
      Object.assign(access, { level: 'network', basis: legal.kind, organisationId: legal.organisation_id });
      return access;
    }
    const consents: ConsentRow[] = (fromJson<ConsentJson[]>(yp.consents) ?? []).map(toConsentRow);
    for (const inv of involvements) {
      const cov = consentCoverage({
        birthDate: yp.birth_date, guardianIds, youngPersonUserId: yp.user_id, consents,
        recipient: { organisationId: inv.organisation_id, role: inv.role }, on,
      });
      if (cov.covered) {
        Object.assign(access, { level: 'network', basis: 'consent', organisationId: inv.organisation_id, involvementRole: inv.role });
        return access;
      }
    }
  }
  if (yp.glass_organisation_id) {
    Object.assign(access, { level: 'network', basis: 'break_glass', organisationId: yp.glass_organisation_id });
    return access;
  }
  if (access.involved) {
    Object.assign(access, { level: 'identity', basis: 'involvement' });
    return access;
  }
  // A school knows its own pupils (its pupil administration); that shows who they are, not their network.
  const school = caseMemberships.find((m) => SCHOOL_ROLES.includes(m.role) && m.organisationId === yp.school_id);
  if (school) Object.assign(access, { level: 'identity', basis: 'enrolment', organisationId: school.organisationId, involvementRole: school.role });
  return access;
}

export type Rule = (a: ChildAccess, actor: Actor) => boolean;

export interface ChildOperation {
  rule: Rule;
  /** Audit event written with the operation (reads too). */
  audit: AuditKind;
  subjectType?: string;
  subjectId?: string;
  details?: Record<string, unknown>;
  /**
   * fn only reads. On PostgreSQL no transaction is opened: the access decision and the read
   * are single statements (a transaction in READ COMMITTED gives each statement its own
   * snapshot anyway), and the audit event is appended with those of concurrent reads
   * (appendReadAudit, group commit); the answer leaves only after its event is committed.
   * Never set it on an operation that writes.
   */
  readOnly?: boolean;
  /**
   * For a read (readOnly) whose first statement needs only what is known before the decision (the
   * child's id): that statement, fetched in the same round trip as the access facts. fn gets
   * its rows (JSON types: a timestamp as an ISO string; as a set: fn sorts when order matters);
   * when the decision refuses they are dropped unread. One round trip fewer on the busiest reads.
   */
  prefetch?: Prefetch;
}

/**
 * Writes a denied attempt as its own statement (the refused transaction wrote nothing): in the
 * child's chain when the child exists for the caller (childRegionId: the child's region, where
 * that chain lives), else in the caller's own chain.
 */
export async function auditDenied(db: Db, actor: Actor, youngPersonId: string, childRegionId: string | null, attempted: AuditKind): Promise<void> {
  const exists = childRegionId !== null;
  await appendAudit(db, {
    chainKey: exists ? youngPersonChain(youngPersonId) : userChain(actor.userId),
    kind: 'access.denied', outcome: 'denied', regionId: childRegionId ?? actor.regionId, actorUserId: actor.userId,
    actorOrganisationId: actor.memberships[0]?.organisationId ?? null, youngPersonId: exists ? youngPersonId : null,
    subjectType: 'young_person', subjectId: exists ? youngPersonId : null, details: { attempted },
  });
}

/**
 * Runs fn for a young person if the rule allows it, with the audit event in the same
 * transaction. Answers 404 when the caller may not see the child at all, 403 when they
 * may see it but not do this.
 */
export async function withChild<T>(
  db: Db, actor: Actor, youngPersonId: string, op: ChildOperation,
  fn: (q: Queryable, access: ChildAccess, prefetched?: unknown[]) => Promise<T>,
): Promise<T> {
  let denial: { regionId: string | null; visible: boolean } | null = null;
  try {
    const run = async (q: Queryable) => {
      const resolved = await resolveAccessWith(q, actor, youngPersonId, todayIso(), op.prefetch);
      const access = resolved?.access;
      if (!access || !op.rule(access, actor)) {
        // 403 only for callers who fully see this child (family, professional with a basis); else the child does not exist for them.
        denial = { regionId: access?.regionId ?? null, visible: Boolean(access && ['network', 'guardian', 'self'].includes(access.level)) };
        throw new AppError(denial.visible ? 'forbidden' : 'not_found');
      }
      const event: AuditEvent = {
        chainKey: youngPersonChain(youngPersonId), kind: op.audit, regionId: access.regionId, actorUserId: actor.userId,
        actorOrganisationId: access.organisationId, youngPersonId, subjectType: op.subjectType ?? 'young_person',
        subjectId: op.subjectId ?? youngPersonId, basis: access.basis, details: op.details,
      };
      if (op.readOnly) {
        // A read's event is written once the read has its answer: on PostgreSQL (no transaction)
        // grouped with the events of concurrent reads and committed before the answer leaves;
        // on PGlite in the read's transaction. A read that fails leaves no event (it showed nothing).
        const result = await fn(q, access, resolved!.prefetched);
        await (db.kind === 'postgresql' ? appendReadAudit(db, event) : appendAudit(q, event));
        return result;
      }
      // A write's event rides on fn's first SELECT/WITH statement (core/audit.ts,
      // auditWithFirstRead), in the write's transaction: a rollback takes it away.
      const audited = auditWithFirstRead(q, event);
      const result = await fn(audited.q, access);
      if (!audited.written()) await appendAudit(q, event);
      return result;
    };
    // On PGlite (one connection in this process, no round trips) a transaction costs nothing and
    // serves a request in one turn of the queue instead of four; on PostgreSQL reads skip it.
    return await (op.readOnly && db.kind === 'postgresql' ? run(db) : db.tx(run));
  } catch (err) {
    if (denial) await auditDenied(db, actor, youngPersonId, (denial as { regionId: string | null }).regionId, op.audit);
    throw err;
  }
}

/** One line on the network's timeline, written with the change it describes. */
export async function addTimeline(q: Queryable, e: {
  regionId: string; youngPersonId: string; kind: string; actorUserId: string | null; subjectId?: string;
  summary?: Record<string, unknown>; familyVisible?: boolean;
}): Promise<void> {
  await q.query(
    `INSERT INTO timeline_entries (region_id, young_person_id, kind, actor_user_id, subject_id, summary, family_visible)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [e.regionId, e.youngPersonId, e.kind, e.actorUserId, e.subjectId ?? null, JSON.stringify(e.summary ?? {}), e.familyVisible ?? true],
  );
}

/**
 * Puts a message in a user's in-app inbox. A dedupe key makes repeated jobs harmless.
 * Other delivery (e-mail) can be added later by reading undelivered rows.
 */
export async function notify(q: Queryable, n: {
  regionId: string; userId: string; kind: NotificationKind; youngPersonId?: string | null; payload?: Record<string, unknown>; dedupeKey?: string;
}): Promise<void> {
  await q.query(
    `INSERT INTO notifications (region_id, user_id, kind, young_person_id, payload, dedupe_key)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
    [n.regionId, n.userId, n.kind, n.youngPersonId ?? null, JSON.stringify(n.payload ?? {}), n.dedupeKey ?? null],
  );
}
