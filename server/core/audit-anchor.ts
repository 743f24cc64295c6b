/**
 * Anchors of the audit chains, signed with a key that lives outside the database.
 *
 * The hash chains show an edited or deleted event, but a database superuser can delete the last
 * events of a chain and move its head (audit_chains) back: what remains is a consistent chain.
 * An anchor fixes the heads at a moment: it records every head that moved since the previous
 * anchor ([chain_key, seq, hash]) and a SHA-256 digest over all heads, links to the previous
 * anchor (prev_mac) and is signed with HMAC-SHA256 under a key from RONDOM_AUDIT_KEY or a key
 * file. It is written to the database (audit_anchors, migration 0017, for convenience) and as one
 * line to an append-only JSON-lines file outside the database. Verification (audit-verify.ts)
 * then checks that every anchored head is still there with the same hash, and that no anchor
 * was forged, altered or deleted. Events after the latest anchor are protected by the chains only.
 *
 * Why HMAC and not a public-key signature: the key is read by the same process that verifies
 * (`rondom verify-audit` on the application server), and the threat is someone who holds the
 * database but neither the key nor the application server's files.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from './db.ts';
import { appendAudit, canonical, GENESIS } from './audit.ts';

/** Where the anchor key and the external anchor file are (config.ts, from the environment). */
export interface AuditAnchorConfig {
  /** The key itself (RONDOM_AUDIT_KEY), at least 32 characters. */
  key?: string;
  /** A file holding the key (RONDOM_AUDIT_KEY_FILE, or the default in the data directory). */
  keyFile?: string;
  /** Create keyFile with a random key when it does not exist (only for the default path). */
  generateKey?: boolean;
  /** The directory of the append-only anchor file (RONDOM_AUDIT_ANCHOR_DIR). */
  anchorDir?: string;
}

export const ANCHOR_FILE = 'audit-anchors.jsonl';
const MIN_KEY_LENGTH = 32;

export interface AnchorKey {
  secret: Buffer;
  /** A short fingerprint, stored with each anchor so a wrong key is named as such. */
  id: string;
}

/** What an anchor signs. `heads` are [chain_key, seq, hash] of the chains that moved since the previous anchor. */
export interface AnchorRecord {
  n: number;
  at: string;
  keyId: string;
  chains: number;
  digest: string;
  heads: [string, number, string][];
  prevMac: string;
  mac: string;
}

interface Log {
  info?: (msg: string) => void;
  warn?: (msg: string) => void;
}

function makeKey(text: string, source: string): AnchorKey {
  const secret = text.trim();
  if (secret.length < MIN_KEY_LENGTH) throw new Error(`The audit anchor key from ${source} is shorter than ${MIN_KEY_LENGTH} characters.`);
  const buf = Buffer.from(secret, 'utf8');
  return { secret: buf, id: createHash('sha256').update('rondom-audit-anchor-key\n').update(buf).digest('hex').slice(0, 16) };
}

/**
 * The anchor key: RONDOM_AUDIT_KEY, else the key file. With `create` and `generateKey` a missing
 * default key file is generated (32 random bytes, mode 0600) and the log says so. Null when no
 * key is configured or the file does not exist (verification never creates one).
 */
export async function loadAnchorKey(cfg: AuditAnchorConfig | undefined, opts: { create?: boolean; log?: Log } = {}): Promise<AnchorKey | null> {
  if (cfg?.key) return makeKey(cfg.key, 'RONDOM_AUDIT_KEY');
  if (!cfg?.keyFile) return null;
  try {
    return makeKey(await readFile(cfg.keyFile, 'utf8'), cfg.keyFile);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    if (!opts.create || !cfg.generateKey) return null;
  }
  await mkdir(path.dirname(cfg.keyFile), { recursive: true, mode: 0o700 });
  try {
    await writeFile(cfg.keyFile, randomBytes(32).toString('hex') + '\n', { flag: 'wx', mode: 0o600 });
    opts.log?.warn?.(`Generated an audit anchor key in ${cfg.keyFile}. Keep a copy apart from the database: without it the anchors cannot be checked. ` +
      'Set RONDOM_AUDIT_KEY or RONDOM_AUDIT_KEY_FILE to use your own.');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err; // another process made it first
  }
  return makeKey(await readFile(cfg.keyFile, 'utf8'), cfg.keyFile);
}

/** HMAC-SHA256 over the canonical JSON of the record without its mac. */
export function anchorMac(key: AnchorKey, r: Omit<AnchorRecord, 'mac'>): string {
  const { n, at, keyId, chains, digest, heads, prevMac } = r;
  return createHmac('sha256', key.secret).update(canonical({ n, at, keyId, chains, digest, heads, prevMac })).digest('hex');
}

export function anchorSignatureValid(key: AnchorKey, r: AnchorRecord): boolean {
  const expected = Buffer.from(anchorMac(key, r), 'hex');
  const given = Buffer.from(typeof r.mac === 'string' ? r.mac : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Code-unit order, the same in the writer and the verifier (the database's collation may differ). */
export function byChainKey<T extends readonly [string, ...unknown[]]>(a: T, b: T): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/** SHA-256 over all heads, sorted by chain key. */
export function headsDigest(heads: Iterable<readonly [string, number, string]>): string {
  const sorted = [...heads].sort(byChainKey);
  const h = createHash('sha256');
  for (const [k, seq, hash] of sorted) h.update(`${k}\n${seq}\n${hash}\n`);
  return h.digest('hex');
}

export function anchorFile(cfg: AuditAnchorConfig | undefined): string | null {
  return cfg?.anchorDir ? path.join(cfg.anchorDir, ANCHOR_FILE) : null;
}

interface AnchorRow {
  n: number; created_at: Date | string; key_id: string; chains: number; digest: string; heads: unknown; prev_mac: string; mac: string;
}

function fromRow(r: AnchorRow): AnchorRecord {
  return {
    n: Number(r.n), at: new Date(r.created_at).toISOString(), keyId: r.key_id, chains: Number(r.chains), digest: r.digest,
    heads: (typeof r.heads === 'string' ? JSON.parse(r.heads) : r.heads) as AnchorRecord['heads'], prevMac: r.prev_mac, mac: r.mac,
  };
}

/** The anchors in the database, oldest first. */
export async function databaseAnchors(db: Db): Promise<AnchorRecord[]> {
  const [t] = await db.query<{ t: string | null }>(`SELECT to_regclass('audit_anchors')::text AS t`);
  if (!t?.t) return []; // a database before migration 0017
  return (await db.query<AnchorRow>(`SELECT * FROM audit_anchors ORDER BY n`)).map(fromRow);
}

/** The anchors in the external file, in file order; null when the file does not exist. A line that is not JSON is returned as null. */
export async function fileAnchors(file: string): Promise<(AnchorRecord | null)[] | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => {
    try {
      return JSON.parse(l) as AnchorRecord;
    } catch {
      return null;
    }
  });
}

export type AnchorJobResult = { anchor: number; chains: number; recorded: number } | { anchor: 0; skipped: string };

/**
 * Writes the next anchor: in one transaction the heads are read, the record is signed and
 * inserted, each recorded head's anchored_seq is set and an `audit.anchor` event is appended;
 * after the commit the record is appended (and fsynced) to the external file. Database first:
 * a failed file write leaves a signed anchor that only the file misses, which verification
 * names, and never a file line without its row. Without a key nothing is written.
 */
export async function writeAuditAnchor(db: Db, cfg: AuditAnchorConfig | undefined, log?: Log): Promise<AnchorJobResult> {
  const key = await loadAnchorKey(cfg, { create: true, log });
  if (!key) {
    const skipped = 'no audit anchor key configured (RONDOM_AUDIT_KEY, RONDOM_AUDIT_KEY_FILE)';
    log?.warn?.(`Audit anchor not written: ${skipped}.`);
    return { anchor: 0, skipped };
  }
  const file = anchorFile(cfg);
  if (!file) log?.warn?.('Audit anchor written to the database only: set RONDOM_AUDIT_ANCHOR_DIR to keep anchors outside it.');
  const record = await db.tx(async (q) => {
    const rows = await q.query<{ region_id: string; chain_key: string; last_seq: number; last_hash: string; anchored_seq: number | null }>(
      `SELECT region_id, chain_key, last_seq, last_hash, anchored_seq FROM audit_chains`);
    const heads = rows.map((r) => [r.chain_key, Number(r.last_seq), r.last_hash] as [string, number, string]).sort(byChainKey);
    const moved = new Set(rows.filter((r) => r.anchored_seq === null || Number(r.anchored_seq) !== Number(r.last_seq)).map((r) => r.chain_key));
    const [prev] = await q.query<{ n: number; mac: string }>(`SELECT n, mac FROM audit_anchors ORDER BY n DESC LIMIT 1`);
    const unsigned: Omit<AnchorRecord, 'mac'> = {
      n: prev ? Number(prev.n) + 1 : 1, at: new Date().toISOString(), keyId: key.id, chains: heads.length,
      digest: headsDigest(heads), heads: heads.filter((h) => moved.has(h[0])), prevMac: prev?.mac ?? GENESIS,
    };
    const rec: AnchorRecord = { ...unsigned, mac: anchorMac(key, unsigned) };
    await q.query(
      `INSERT INTO audit_anchors (n, created_at, key_id, chains, digest, heads, prev_mac, mac) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [rec.n, rec.at, rec.keyId, rec.chains, rec.digest, JSON.stringify(rec.heads), rec.prevMac, rec.mac]);
    // Region by region: each statement stays in one region's shard on Citus (a chain lives in one region).
    const regionOf = new Map(rows.map((r) => [r.chain_key, r.region_id]));
    for (const region of new Set(rec.heads.map((h) => regionOf.get(h[0])!))) {
      const mine = rec.heads.filter((h) => regionOf.get(h[0]) === region);
      await q.query(
        `UPDATE audit_chains c SET anchored_seq = d.seq FROM unnest($2::text[], $3::bigint[]) AS d(chain_key, seq)
          WHERE c.region_id = $1 AND c.chain_key = d.chain_key`,
        [region, mine.map((h) => h[0]), mine.map((h) => h[1])]);
    }
    await appendAudit(q, {
      chainKey: 'anchor', kind: 'audit.anchor', subjectType: 'audit_anchor', subjectId: String(rec.n),
      details: { anchor: rec.n, chains: rec.chains, recorded: rec.heads.length, digest: rec.digest, keyId: rec.keyId, external: file !== null },
    });
    return rec;
  });
  if (file) {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const fh = await open(file, 'a', 0o600);
    try {
      await fh.appendFile(JSON.stringify(record) + '\n');
      await fh.sync();
    } finally {
      await fh.close();
    }
  }
  log?.info?.(`Audit anchor ${record.n}: ${record.chains} chains, ${record.heads.length} heads recorded${file ? ` (${file})` : ''}.`);
  return { anchor: record.n, chains: record.chains, recorded: record.heads.length };
}
