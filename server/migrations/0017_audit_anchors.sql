-- Signed anchors of the audit chains' heads (server/core/audit-anchor.ts). A database superuser
-- can delete the last events of a chain and move its head in audit_chains back: the chain is then
-- consistent again. An anchor records the chains' heads and is signed (HMAC-SHA256) with a key kept
-- outside the database, and written to an append-only file outside it too; verification checks
-- that every anchored head is still there with the same hash. This table is the copy for
-- convenience; the file and the key are what a superuser of the database cannot rewrite.
--
-- `heads` holds the heads that changed since the previous anchor ([chain_key, seq, hash], sorted),
-- `digest` is SHA-256 over all heads at the time, `mac` signs the whole record and `prev_mac`
-- links it to the previous anchor.
CREATE TABLE audit_anchors (
  n bigint PRIMARY KEY,
  created_at timestamptz NOT NULL,
  key_id text NOT NULL,
  chains integer NOT NULL,
  digest text NOT NULL,
  heads jsonb NOT NULL,
  prev_mac text NOT NULL,
  mac text NOT NULL
);

CREATE FUNCTION audit_anchors_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_anchors is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_anchors_no_update BEFORE UPDATE OR DELETE ON audit_anchors
  FOR EACH ROW EXECUTE FUNCTION audit_anchors_forbid_change();
CREATE TRIGGER audit_anchors_no_truncate BEFORE TRUNCATE ON audit_anchors
  FOR EACH STATEMENT EXECUTE FUNCTION audit_anchors_forbid_change();

-- The sequence number of each chain's head in the latest anchor, so an anchor records only the
-- heads that moved since. Altering it only makes a later anchor record less; the digest of all
-- heads shows that at verification.
ALTER TABLE audit_chains ADD COLUMN anchored_seq bigint;
