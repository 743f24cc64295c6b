/**
 * The audit log: append-only (enforced by triggers in the database) and hash-chained.
 *
 * There is one chain per subject — `yp:<id>` for a young person, `user:<id>` for an
 * account, `platform` for administration — so writes about different children never
 * wait on one global lock. Each event's hash covers its own fields and the previous
 * hash in its chain; audit_chains holds each chain's head, so a deleted last row is
 * detected too. Events are written in the caller's transaction: no change without
 * its audit event, no audit event for a change that rolled back.
 *
 * A database superuser can still delete a chain's last events and move its head back; the
 * signed anchors outside the database (audit-anchor.ts) catch that, and verifyAudit
 * (audit-verify.ts) checks chains, heads and anchors and names every broken entry.
 */
import { createHash } from 'node:crypto';
import type { Db, Queryable } from './db.ts';

/** The typed list of audit event kinds. Add new kinds here, nowhere else. */
export const AUDIT_KINDS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.totp_enabled',
  'auth.password_changed',
  'admin.region_created',
  'admin.region_updated',
  'admin.area_created',
  'admin.organisation_created',
  'admin.user_created',
  'admin.membership_added',
  'access.denied',
  'young_person.created',
  'young_person.read',
  'young_person.updated',
  'young_person.searched',
  'worklist.read',
  'guardian.linked',
  'question.created',
  'network.read',
  'network.created',
  'involvement.added',
  'involvement.ended',
  'network.lead_handover',
  'consent.read',
  'consent.given',
  'consent.withdrawn',
  'consent.flagged',
  'basis.recorded',
  'basis.reviewed',
  'basis.endangering_marked',
  'plan.read',
  'plan.version_created',
  'plan.action_updated',
  'plan.commented',
  'plan.opinion_recorded',
  'meeting.read',
  'meeting.created',
  'meeting.updated',
  'meeting.decision_recorded',
  'meeting.report_shared',
  'evaluation.read',
  'evaluation.recorded',
  'evaluation.family_answered',
  'evaluation.family_read',
  'match.signal_registered',
  'match.created',
  'match.signal_ended',
  'match.signals_read',
  'timeline.read',
  'access_log.read',
  'break_glass.started',
  'break_glass.reviewed',
  'break_glass.block_lifted',
  'join.requested',
  'join.decided',
  'consent.confirmed',
  'privacy.report_read',
  'item.hidden_from_parents',
  'audit.anchor',
  'absence.registered',
  'absence.read',
  'absence.updated',
  'absence.escalated',
  'absence.decision',
  'absence.alert',
  'exemption.registered',
  'exemption.statement_refused',
  'exemption.reviewed',
  'report.exported',
  'jobs.daily',
  'partnership.created',
  'partnership.read',
  'partnership.updated',
  'partnership.partner_saved',
  'partnership.organisation_created',
  'partnership.person_saved',
  'partnership.portfolio_saved',
  'partnership.table_saved',
  'partnership.meeting_saved',
  'partnership.decision_recorded',
  'partnership.action_saved',
  'partnership.agreement_saved',
  'partnership.commitment_saved',
  'partnership.oogo_topic_saved',
  'partnership.funding_saved',
  'partnership.programme_saved',
  'partnership.activity_saved',
  'partnership.framework_created',
  'partnership.round_saved',
  'partnership.invitation_added',
  'partnership.response_submitted',
  'partnership.reading_saved',
  'partnership.guide_checked',
  // Issue 17 (4, 5): meeting proposals answered by the organisation; the family's disagreement clock.
  'mandate.proposals_read',
  'mandate.proposal_confirmed',
  'mandate.proposal_declined',
  'disagreement.requested',
  'disagreement.read',
  'disagreement.list_read',
  'disagreement.resolved',
  'consult.asked',
  'consult.read',
  'consult.listed',
  'consult.answered',
  'consult.contact_set',
  'support_team.created',
  'support_team.read',
  'support_team.updated',
  'support_team.member_added',
  'support_team.member_ended',
  'support_team.item_added',
  'support_team.item_updated',
  'support_team.rolled_on',
  'support_team.invitation_read',
  'support_team.invitation_answered',
] as const;

export type AuditKind = (typeof AUDIT_KINDS)[number];

export interface AuditEvent {
  chainKey: string;
  kind: AuditKind;
  outcome?: 'allowed' | 'denied';
  regionId?: string | null;
  actorUserId?: string | null;
  actorOrganisationId?: string | null;
  youngPersonId?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  /** On which basis the access happened: consent, legal_task, meldcode, guardian, self, break_glass, admin… */
  basis?: string | null;
  /** Which fields changed, counts, ids. Never sensitive values. */
  details?: Record<string, unknown>;
}

export const GENESIS = '0'.repeat(64);

/** JSON with sorted keys, so jsonb's own key order never changes a hash. */
export function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

interface HashInput {
  chainKey: string;
  seq: number;
  occurredAt: string;
  regionId: string | null;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  kind: string;
  outcome: string;
  youngPersonId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  basis: string | null;
  details: unknown;
}

export function eventHash(prevHash: string, e: HashInput): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical(e)).digest('hex');
}

/**
 * Where a chain lives (audit_events.region_id / audit_chains.region_id, the distribution key on
 * Citus): a child's chain, a partnership's, a consult's and a support team's chain in their region, so a region's audit log is
 * in that region's shards and leaves with it; account chains, the platform chain and the anchor
 * chain in the platform's pseudo-region, because accounts belong to no one region (migration 0018).
 * The region an event is about is hashed into the event (about_region_id) and may differ.
 */
export const PLATFORM_REGION = '00000000-0000-0000-0000-000000000000';
export function chainRegion(chainKey: string, regionId: string | null | undefined): string {
  // A consult (no young person in it) and a support team are a region's, like a partnership.
  if (chainKey.startsWith('yp:') || chainKey.startsWith('partnership:') || chainKey.startsWith('consult:') || chainKey.startsWith('support-team:')) {
    if (!regionId) throw new Error(`audit event in chain ${chainKey} without its region`);
    return regionId;
  }
  return PLATFORM_REGION;
}

export function youngPersonChain(id: string): string {
  return `yp:${id}`;
}
export function userChain(id: string): string {
  return `user:${id}`;
}

/** Stands for the sequence number while the canonical JSON is split around it. */
const SEQ_MARK = '\u0001seq\u0001';
const SEQ_MARK_JSON = JSON.stringify(SEQ_MARK);

/** The event's hashed fields, with its canonical JSON split around the (not yet known) sequence number. */
function prepareAudit(event: AuditEvent): { input: Omit<HashInput, 'seq'>; parts: [string, string] } {
  const input: Omit<HashInput, 'seq'> & { seq: string } = {
    chainKey: event.chainKey,
    seq: SEQ_MARK,
    occurredAt: new Date().toISOString(),
    regionId: event.regionId ?? null,
    actorUserId: event.actorUserId ?? null,
    actorOrganisationId: event.actorOrganisationId ?? null,
    kind: event.kind,
    outcome: event.outcome ?? 'allowed',
    youngPersonId: event.youngPersonId ?? null,
    subjectType: event.subjectType ?? null,
    subjectId: event.subjectId ?? null,
    basis: event.basis ?? null,
    details: event.details ?? {},
  };
  const parts = canonical(input).split(SEQ_MARK_JSON);
  if (parts.length !== 2) throw new Error('audit event cannot be canonicalised');
  return { input, parts: [parts[0]!, parts[1]!] };
}

/**
 * The append of one event as two data-modifying CTEs (`audit_head`, `audit_event`), with its
 * parameters numbered from `offset + 1`: the chain head's upsert takes the row lock, numbers
 * the event, and computes sha256(previous hash + "\n" + canonical JSON) in SQL from the
 * canonical JSON built here around the sequence number; the event row is inserted from what
 * the upsert returns. Writers of one chain queue on its head (also after waiting, the upsert
 * reads the newest head). verifyAudit() (audit-verify.ts) recomputes every hash with eventHash() in Node,
 * independently.
 *
 * With `onlyIf` (an SQL condition; it may use the caller's parameters $1..$offset) nothing is
 * written when the condition is false in the statement's snapshot: `audit_event` is then empty.
 */
export function auditCtes(event: AuditEvent, offset = 0, onlyIf?: string): { sql: string; params: unknown[] } {
  const { input, parts } = prepareAudit(event);
  const p = (n: number) => `$${n + offset}`;
  return {
    sql: `audit_head AS (
       INSERT INTO audit_chains AS c (region_id, chain_key, last_seq, last_hash, prev_hash)
       ${onlyIf ? 'SELECT ' : 'VALUES ('}${p(16)}::uuid, ${p(1)}::text, 1, rondom_sha256_hex(${p(2)}::text || chr(10) || ${p(3)}::text || '1' || ${p(4)}::text), ${p(2)}::text${onlyIf ? ` WHERE ${onlyIf}` : ')'}
       ON CONFLICT (region_id, chain_key) DO UPDATE
         SET last_seq = c.last_seq + 1,
             last_hash = rondom_sha256_hex(c.last_hash || chr(10) || ${p(3)} || (c.last_seq + 1)::text || ${p(4)}),
             prev_hash = c.last_hash
       RETURNING last_seq, last_hash, prev_hash),
     audit_event AS (
       INSERT INTO audit_events (region_id, chain_key, seq, occurred_at, about_region_id, actor_user_id, actor_organisation_id, kind,
         outcome, young_person_id, subject_type, subject_id, basis, details, prev_hash, hash)
       SELECT ${p(16)}::uuid, ${p(1)}, h.last_seq, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}, ${p(10)}, ${p(11)}, ${p(12)}, ${p(13)}, ${p(14)}, ${p(15)}, h.prev_hash, h.last_hash
         FROM audit_head h
       RETURNING seq)`,
    params: [
      input.chainKey, GENESIS, parts[0], parts[1], input.occurredAt, input.regionId, input.actorUserId, input.actorOrganisationId,
      input.kind, input.outcome, input.youngPersonId, input.subjectType, input.subjectId, input.basis, JSON.stringify(input.details),
      chainRegion(input.chainKey, input.regionId),
    ],
  };
}

/**
 * Appends one event to its chain in ONE statement (inside the caller's transaction, or on its own).
 * On Citus the two CTEs would be planned as two subplans with the head's row pulled through the
 * coordinator, so there the event goes through audit_append_batch (0018): one call, whose two
 * statements each go to the chain's one shard.
 */
export async function appendAudit(q: Queryable, event: AuditEvent): Promise<void> {
  if (q.distributed) {
    const { input, parts } = prepareAudit(event);
    await q.query(BATCH_SQL, batchParams(input, parts).map((v) => [v]));
    return;
  }
  const a = auditCtes(event);
  await q.query(`WITH ${a.sql} SELECT seq FROM audit_event`, a.params);
}

function batchParams(input: Omit<HashInput, 'seq'>, parts: [string, string]): unknown[] {
  return [input.chainKey, parts[0], parts[1], input.occurredAt, input.regionId, input.actorUserId, input.actorOrganisationId,
    input.kind, input.outcome, input.youngPersonId, input.subjectType, input.subjectId, input.basis, JSON.stringify(input.details),
    chainRegion(input.chainKey, input.regionId)];
}

/**
 * Group commit for the audit events of reads (PostgreSQL; see appendReadAudit).
 *
 * A read must not be answered before its audit event is committed, and on a busy server every
 * read committing its own event was the largest part of the database's work per read. Here the
 * events of concurrent reads are appended together — one call of audit_append_batch (migration
 * 0013), one commit — and each caller's promise resolves only after that commit: "logged
 * before answered" holds for every read. When fewer than MAX_IN_FLIGHT batches are running an event goes out at
 * once, so a quiet server adds no wait; under load the events that arrive while batches run form
 * the next batch. A batch is sorted by chain (stable, so one chain keeps its order), so two
 * batches take chain heads in the same order. When a batch fails, its events are retried one
 * by one, so one bad event fails only its own read.
 *
 * On Citus a batch is split by chain region, and each part is one call of audit_append_region
 * (migration 0024), which Citus sends whole to the worker holding that region: the loop's
 * statements run next to the shards instead of one coordinator-to-worker trip per statement.
 */
const MAX_IN_FLIGHT = 2;
const MAX_BATCH = 200;
interface Pending { chainKey: string; params: unknown[]; resolve: () => void; reject: (err: unknown) => void }
const BATCH_SQL = `SELECT audit_append_batch($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::uuid[], $6::uuid[], $7::uuid[],
  $8::text[], $9::text[], $10::uuid[], $11::text[], $12::text[], $13::text[], $14::jsonb[], $15::uuid[])`;

/** The chain region's place in batchParams, and the call that takes it first (migration 0024). */
const REGION_COL = 14;
const REGION_SQL = `SELECT audit_append_region($1::uuid, $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::uuid[], $7::uuid[], $8::uuid[],
  $9::text[], $10::text[], $11::uuid[], $12::text[], $13::text[], $14::text[], $15::jsonb[], $16::uuid[])`;

class AuditGroup {
  private queue: Pending[] = [];
  private inFlight = 0;
  constructor(private readonly db: Queryable) {}

  append(event: AuditEvent): Promise<void> {
    const { input, parts } = prepareAudit(event);
    const params = batchParams(input, parts);
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ chainKey: input.chainKey, params, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      this.inFlight++;
      void this.write(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async write(batch: Pending[]): Promise<void> {
    if (this.db.distributed) {
      // On Citus one call per chain region, sent whole to the worker holding it (0024).
      const byRegion = new Map<string, Pending[]>();
      for (const p of batch) {
        const r = p.params[REGION_COL] as string;
        const list = byRegion.get(r);
        if (list) list.push(p);
        else byRegion.set(r, [p]);
      }
      await Promise.all([...byRegion].map(([region, part]) => this.writeSorted(part, REGION_SQL, [region])));
      return;
    }
    await this.writeSorted(batch, BATCH_SQL, []);
  }

  private async writeSorted(batch: Pending[], sql: string, lead: unknown[]): Promise<void> {
    const sorted = batch.map((p, i) => ({ p, i })).sort((a, b) => (a.p.chainKey < b.p.chainKey ? -1 : a.p.chainKey > b.p.chainKey ? 1 : a.i - b.i)).map((x) => x.p);
    try {
      await this.db.query(sql, [...lead, ...sorted[0]!.params.map((_, col) => sorted.map((p) => p.params[col]))]);
      for (const p of sorted) p.resolve();
    } catch (err) {
      if (sorted.length === 1) {
        sorted[0]!.reject(err);
        return;
      }
      for (const p of sorted) {
        try {
          await this.db.query(sql, [...lead, ...p.params.map((v) => [v])]);
          p.resolve();
        } catch (one) {
          p.reject(one);
        }
      }
    }
  }
}

const groups = new WeakMap<Db, AuditGroup>();
/**
 * The audit event of a read that ran outside a transaction: resolves once the event is
 * committed, so the caller answers only after that. On PostgreSQL it is appended together with
 * the events of concurrent reads (group commit, above); on PGlite (one connection in this
 * process, nothing to share) on its own. Never for a change: a change's event belongs in the
 * change's transaction (appendAudit).
 */
export function appendReadAudit(db: Db, event: AuditEvent): Promise<void> {
  if (db.kind !== 'postgresql') return appendAudit(db, event);
  let g = groups.get(db);
  if (!g) groups.set(db, (g = new AuditGroup(db)));
  return g.append(event);
}

/**
 * A list that shows several children's data (a proposal's text, a disagreement) is a read of each
 * child's data: one read event per child on that child's own chain, so the family's "who looked"
 * shows it. (A list of what the reader registered themselves stays one event on the reader's chain.)
 */
export async function appendChildListReads(db: Db, base: Omit<AuditEvent, 'chainKey' | 'youngPersonId' | 'regionId' | 'basis'>,
  children: { youngPersonId: string; regionId: string; basis?: string | null; actorOrganisationId?: string | null }[]): Promise<void> {
  const seen = new Set<string>();
  const unique = children.filter((c) => !seen.has(c.youngPersonId) && Boolean(seen.add(c.youngPersonId)));
  await Promise.all(unique.map((c) => appendReadAudit(db, {
    ...base, chainKey: youngPersonChain(c.youngPersonId), youngPersonId: c.youngPersonId, regionId: c.regionId, basis: c.basis ?? null,
    ...(c.actorOrganisationId !== undefined ? { actorOrganisationId: c.actorOrganisationId } : {}),
  })));
}

/**
 * A Queryable that writes the audit event together with the first statement it runs — the
 * read itself — as CTEs in front of it: one round trip for "read and log the read", and the
 * two commit or fail together (a statement is atomic). Statements that do not start with
 * SELECT or WITH pass unchanged. `written()` tells whether the event went out; when fn ran no
 * such statement the caller appends it on its own.
 */
export function auditWithFirstRead(q: Queryable, event: AuditEvent): { q: Queryable; written: () => boolean } {
  // On Citus the read and the event are in different shards' hands (and a chain's head is not
  // the read's table): the caller appends the event on its own, in the same transaction.
  if (q.distributed) return { q, written: () => false };
  let written = false;
  return {
    written: () => written,
    q: {
      exec: (sql) => q.exec(sql),
      query: async <T>(sql: string, params: unknown[] = []) => {
        if (written) return q.query<T>(sql, params);
        const m = /^\s*(WITH\s+RECURSIVE\s+|WITH\s+|SELECT\s)/i.exec(sql);
        if (!m) return q.query<T>(sql, params);
        const a = auditCtes(event, params.length);
        const head = m[1]!.toUpperCase();
        const rest = sql.slice(m[0].length);
        const combined = head.startsWith('WITH')
          ? `${m[0]}${a.sql},\n${rest}`
          : `WITH ${a.sql}\n${m[0]}${rest}`;
        const rows = await q.query<T>(combined, [...params, ...a.params]);
        written = true;
        return rows;
      },
    },
  };
}
