/**
 * Verification of the audit log: every chain recomputed, every head compared, every anchor checked.
 *
 * It reports every broken entry, not only the first: each event is checked on its own (its seq
 * follows the previous one, its prev_hash is the previous event's hash, its hash is its contents'
 * hash over its own prev_hash), so one edited event is one problem and the events after it are
 * still checked. Events are read in pages ordered by (chain_key, seq), so millions of events
 * never sit in memory at once; per chain it keeps its head and its latest anchored head.
 *
 * The anchors (audit-anchor.ts) are checked first: each record's signature against the key, the
 * database's copy against the external file, the file's links and numbering. From the trusted
 * records, per chain the latest anchored (seq, hash): that event must still exist with that hash.
 * Checking the latest anchored head per chain is enough: an earlier anchored event that changed
 * would change every hash after it or break a link, which the chain check names.
 */
import type { Db } from './db.ts';
import { canonical, eventHash, GENESIS } from './audit.ts';
import {
  anchorFile, anchorSignatureValid, databaseAnchors, fileAnchors, headsDigest, loadAnchorKey,
  type AnchorRecord, type AuditAnchorConfig,
} from './audit-anchor.ts';

export type AuditProblemKind =
  /** An event's contents do not give its hash: it was edited. */
  | 'hash_mismatch'
  /** Sequence numbers skip: events were deleted. */
  | 'seq_gap'
  /** An event's prev_hash is not the previous event's hash. */
  | 'prev_link'
  /** audit_chains disagrees with the chain's last event, or a chain has no head or no events. */
  | 'head_mismatch'
  /** An anchored head is gone or has another hash: the chain was truncated or rewritten. */
  | 'anchor_mismatch'
  /** An anchor's signature does not verify with the key: it was altered or forged. */
  | 'anchor_forged'
  /** An anchor is missing: from the database (deleted rows) or from the external file's sequence. */
  | 'anchor_missing';

export interface AuditProblem {
  kind: AuditProblemKind;
  /** The chain, or null for a problem with an anchor record itself. */
  chainKey: string | null;
  seq: number | null;
  /** The event's id, when the problem is one event row. */
  id: number | null;
  /** The anchor's number, for anchor problems. */
  anchor?: number;
  problem: string;
}

export interface VerifyOptions {
  /** Where the anchor key and file are; without them only the chains are checked (and a warning says so). */
  anchors?: AuditAnchorConfig;
  pageSize?: number;
  /** At most this many problems are listed; problemCount counts them all. Default 1000. */
  maxProblems?: number;
}

export interface VerifyResult {
  ok: boolean;
  chains: number;
  events: number;
  /** Every broken entry, up to maxProblems: chain problems in chain order, then anchor problems. */
  problems: AuditProblem[];
  problemCount: number;
  /** The first broken entry (problems[0]). */
  firstBroken?: AuditProblem;
  anchors: {
    keyId: string | null;
    file: string | null;
    /** Records in the external file and in the database, and how many verified and were used. */
    external: number;
    database: number;
    trusted: number;
    latest: { n: number; at: string } | null;
  };
  /** What was not checked, in words (no external anchors, no key, no anchor yet). */
  warnings: string[];
}

interface Row {
  id: number;
  chain_key: string;
  seq: number;
  occurred_at: Date;
  about_region_id: string | null;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  kind: string;
  outcome: string;
  young_person_id: string | null;
  subject_type: string | null;
  subject_id: string | null;
  basis: string | null;
  details: unknown;
  prev_hash: string;
  hash: string;
}

class Problems {
  readonly list: AuditProblem[] = [];
  count = 0;
  constructor(private readonly max: number) {}
  add(p: AuditProblem): void {
    this.count++;
    if (this.list.length < this.max) this.list.push(p);
  }
}

interface Anchored { seq: number; hash: string; n: number }

/** Checks the anchor records and returns, per chain, the latest trusted anchored head. */
async function checkAnchors(db: Db, cfg: AuditAnchorConfig | undefined, problems: Problems, warnings: string[]) {
  const file = anchorFile(cfg);
  const key = await loadAnchorKey(cfg);
  const fromDb = await databaseAnchors(db);
  const fromFile = file ? await fileAnchors(file) : null;
  const info: VerifyResult['anchors'] = {
    keyId: key?.id ?? null, file, external: fromFile?.length ?? 0, database: fromDb.length, trusted: 0, latest: null,
  };
  const anchored = new Map<string, Anchored>();
  if (!file) {
    warnings.push('No external anchors configured (RONDOM_AUDIT_ANCHOR_DIR): the chains were checked against each other only; ' +
      'deleting the last events of a chain and moving its head back would not be detected.');
  }
  if (!key) {
    warnings.push('No audit anchor key (RONDOM_AUDIT_KEY, RONDOM_AUDIT_KEY_FILE): anchor signatures were not checked' +
      (file ? '; the anchors in the external file were used as they are.' : '; the anchors in the database were not used.'));
  }
  if (file && fromFile === null) warnings.push(`No anchors written yet: ${file} does not exist (the daily job writes one; \`rondom jobs --force\`).`);
  const forged = (n: number, where: string, rec: { keyId?: unknown }) =>
    problems.add({
      kind: 'anchor_forged', chainKey: null, seq: null, id: null, anchor: n,
      problem: `anchor ${n} in ${where}: the signature does not verify` +
        (rec.keyId !== key?.id ? ` (signed with key ${String(rec.keyId)}, checked with key ${key?.id})` : ': the record was altered'),
    });
  const valid = (r: AnchorRecord) => key !== null && anchorSignatureValid(key, r);

  // The file: numbered 1, 2, … and each line linked to the one before.
  const fileByN = new Map<number, AnchorRecord>();
  const fileOk = new Set<number>();
  let prev: AnchorRecord | null = null;
  for (const [i, r] of (fromFile ?? []).entries()) {
    if (!r || typeof r.n !== 'number') {
      problems.add({ kind: 'anchor_forged', chainKey: null, seq: null, id: null, problem: `line ${i + 1} of ${file} is not an anchor record` });
      continue;
    }
    const expectedN: number = prev ? prev.n + 1 : 1;
    if (r.n !== expectedN || (prev && r.prevMac !== prev.mac) || (!prev && r.prevMac !== GENESIS)) {
      problems.add({
        kind: 'anchor_missing', chainKey: null, seq: null, id: null, anchor: r.n,
        problem: `anchor ${r.n} in ${file} does not follow ${prev ? `anchor ${prev.n}` : 'the start'}: an anchor before it is missing or the file was reordered`,
      });
    }
    prev = r;
    fileByN.set(r.n, r);
    if (!key || valid(r)) fileOk.add(r.n);
    else forged(r.n, file!, r);
  }

  // The database's copy: signed, and the same as the file's.
  const dbByN = new Map<number, AnchorRecord>();
  for (const r of fromDb) {
    dbByN.set(r.n, r);
    const f = fileByN.get(r.n);
    if (key && !valid(r)) forged(r.n, 'the database', r);
    else if (f && fileOk.has(r.n) && canonical(f) !== canonical(r)) {
      problems.add({ kind: 'anchor_mismatch', chainKey: null, seq: null, id: null, anchor: r.n, problem: `anchor ${r.n} in the database differs from ${file}` });
    } else if (file && fromFile !== null && !f && key) {
      warnings.push(`Anchor ${r.n} is in the database but not in ${file} (its file write failed?).`);
    }
  }
  for (const r of fileByN.values()) {
    if (!dbByN.has(r.n)) {
      problems.add({ kind: 'anchor_missing', chainKey: null, seq: null, id: null, anchor: r.n, problem: `anchor ${r.n} (${r.at}) is in ${file} but not in the database: anchor rows were deleted` });
    }
  }

  // The trusted records, oldest first: the file's when it verifies, else the database's when it verifies.
  const numbers = [...new Set([...fileByN.keys(), ...(key ? dbByN.keys() : [])])].sort((a, b) => a - b);
  let complete = true;
  let last: AnchorRecord | null = null;
  for (const [i, n] of numbers.entries()) {
    const rec = fileOk.has(n) ? fileByN.get(n)! : key && dbByN.has(n) && valid(dbByN.get(n)!) ? dbByN.get(n)! : null;
    if (!rec || n !== i + 1) complete = false;
    if (!rec) continue;
    info.trusted++;
    last = rec;
    for (const [k, seq, hash] of rec.heads) anchored.set(k, { seq: Number(seq), hash, n });
  }
  if (last) {
    info.latest = { n: last.n, at: last.at };
    // The recorded heads of all anchors together must be the heads the latest anchor's digest covers.
    if (complete && headsDigest([...anchored].map(([k, a]) => [k, a.seq, a.hash] as const)) !== last.digest) {
      problems.add({
        kind: 'anchor_mismatch', chainKey: null, seq: null, id: null, anchor: last.n,
        problem: `the heads recorded by anchors 1–${last.n} do not give anchor ${last.n}'s digest: audit_chains.anchored_seq was altered or an anchor is missing`,
      });
    }
  }
  return { info, anchored };
}

/**
 * Recomputes every chain, compares every head, and checks the anchors when `opts.anchors` says
 * where they are. `ok` is true when nothing is broken; `warnings` say what could not be checked.
 */
export async function verifyAudit(db: Db, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const pageSize = opts.pageSize ?? 5000;
  const chainProblems = new Problems(opts.maxProblems ?? 1000);
  const anchorProblems = new Problems(opts.maxProblems ?? 1000);
  const warnings: string[] = [];
  const { info, anchored } = await checkAnchors(db, opts.anchors, anchorProblems, warnings);
  const add = (p: AuditProblem) => chainProblems.add(p);

  const heads = new Map<string, { last_seq: number; last_hash: string }>();
  for (const h of await db.query<{ chain_key: string; last_seq: number; last_hash: string }>(
    `SELECT chain_key, last_seq, last_hash FROM audit_chains`,
  )) {
    heads.set(h.chain_key, { last_seq: Number(h.last_seq), last_hash: h.last_hash });
  }
  let events = 0;
  let chains = 0;
  let cursorKey = '';
  let cursorSeq = 0;
  let currentKey: string | null = null;
  let expectedSeq = 1;
  let prevHash = GENESIS;
  let anchor: Anchored | undefined;
  let anchorSeen = false;

  const closeChain = (key: string, lastSeq: number, lastHash: string) => {
    const head = heads.get(key);
    heads.delete(key);
    if (!head) add({ kind: 'head_mismatch', chainKey: key, id: null, seq: lastSeq, problem: 'chain has no head record' });
    else if (head.last_seq !== lastSeq || head.last_hash !== lastHash) {
      add({
        kind: 'head_mismatch', chainKey: key, id: null, seq: lastSeq,
        problem: head.last_seq > lastSeq
          ? `events after seq ${lastSeq} are missing (head says ${head.last_seq})`
          : `the head (seq ${head.last_seq}, ${head.last_hash.slice(0, 12)}…) does not match the last event (seq ${lastSeq}, ${lastHash.slice(0, 12)}…)`,
      });
    }
    const a = anchored.get(key);
    anchored.delete(key);
    if (a && !anchorSeen) {
      add({
        kind: 'anchor_mismatch', chainKey: key, id: null, seq: a.seq,
        problem: a.seq > lastSeq
          ? `anchor ${a.n} holds this chain up to seq ${a.seq}, but it ends at seq ${lastSeq}: events were deleted from its end`
          : `anchor ${a.n} holds seq ${a.seq} of this chain, which is missing`,
      });
    }
  };

  for (;;) {
    const rows = await db.query<Row>(
      `SELECT * FROM audit_events WHERE (chain_key, seq) > ($1, $2) ORDER BY chain_key, seq LIMIT $3`,
      [cursorKey, cursorSeq, pageSize],
    );
    if (rows.length === 0) break;
    for (const r of rows) {
      const seq = Number(r.seq);
      const id = Number(r.id);
      if (r.chain_key !== currentKey) {
        if (currentKey !== null) closeChain(currentKey, expectedSeq - 1, prevHash);
        currentKey = r.chain_key;
        chains++;
        expectedSeq = 1;
        prevHash = GENESIS;
        anchor = anchored.get(currentKey);
        anchorSeen = false;
      }
      const chainKey = r.chain_key;
      if (seq !== expectedSeq) {
        add({ kind: 'seq_gap', chainKey, id, seq, problem: `expected seq ${expectedSeq}, found ${seq}: ${seq - expectedSeq === 1 ? 'an event was' : `${seq - expectedSeq} events were`} deleted` });
      } else if (r.prev_hash !== prevHash) {
        add({ kind: 'prev_link', chainKey, id, seq, problem: 'prev_hash does not match the previous event' });
      }
      const recomputed = eventHash(r.prev_hash, {
        chainKey, seq, occurredAt: new Date(r.occurred_at).toISOString(), regionId: r.about_region_id,
        actorUserId: r.actor_user_id, actorOrganisationId: r.actor_organisation_id, kind: r.kind, outcome: r.outcome,
        youngPersonId: r.young_person_id, subjectType: r.subject_type, subjectId: r.subject_id, basis: r.basis,
        details: typeof r.details === 'string' ? JSON.parse(r.details) : r.details,
      });
      if (recomputed !== r.hash) add({ kind: 'hash_mismatch', chainKey, id, seq, problem: 'hash does not match the contents: the event was edited' });
      if (anchor && anchor.seq === seq) {
        anchorSeen = true;
        if (anchor.hash !== r.hash) {
          add({ kind: 'anchor_mismatch', chainKey, id, seq, problem: `anchor ${anchor.n} holds another hash for this event: the chain was rewritten from here or before` });
        }
      }
      prevHash = r.hash;
      expectedSeq = seq + 1;
      events++;
      cursorKey = chainKey;
      cursorSeq = seq;
    }
  }
  if (currentKey !== null) closeChain(currentKey, expectedSeq - 1, prevHash);
  for (const [key, head] of heads) {
    if (head.last_seq > 0) add({ kind: 'head_mismatch', chainKey: key, id: null, seq: 1, problem: 'all events of this chain are missing' });
  }
  for (const [key, a] of anchored) {
    add({ kind: 'anchor_mismatch', chainKey: key, id: null, seq: a.seq, problem: `anchor ${a.n} holds this chain up to seq ${a.seq}; the chain and its head are gone` });
  }
  const problems = [...chainProblems.list, ...anchorProblems.list].slice(0, opts.maxProblems ?? 1000);
  const problemCount = chainProblems.count + anchorProblems.count;
  return {
    ok: problemCount === 0, chains, events, problems, problemCount, firstBroken: problems[0], anchors: info, warnings,
  };
}

/** The result as lines for a person (the CLI): at most `limit` problems, then how many more. */
export function formatVerifyResult(r: VerifyResult, limit = 50): string[] {
  const lines: string[] = [];
  if (r.ok) lines.push(`Audit log intact: ${r.events} events in ${r.chains} chains.`);
  else lines.push(`Audit log BROKEN: ${r.problemCount} problem${r.problemCount === 1 ? '' : 's'} in ${r.events} events, ${r.chains} chains.`);
  for (const p of r.problems.slice(0, limit)) {
    const where = p.chainKey !== null
      ? `chain ${p.chainKey}, seq ${p.seq}${p.id !== null ? `, event id ${p.id}` : ''}`
      : p.anchor !== undefined ? `anchor ${p.anchor}` : 'anchors';
    lines.push(`  ${p.kind.padEnd(15)} ${where}: ${p.problem}`);
  }
  if (r.problemCount > Math.min(limit, r.problems.length)) lines.push(`  … and ${r.problemCount - Math.min(limit, r.problems.length)} more.`);
  const a = r.anchors;
  if (a.trusted > 0) {
    lines.push(`Anchors: ${a.trusted} verified (key ${a.keyId ?? 'none'}${a.file ? `, ${a.file}` : ', database only'}); ` +
      `the latest, ${a.latest!.n}, at ${a.latest!.at}: events after it are protected by the chains only.`);
  }
  for (const w of r.warnings) lines.push(`WARNING: ${w}`);
  return lines;
}
