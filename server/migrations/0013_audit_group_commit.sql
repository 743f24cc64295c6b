-- Group commit for the audit events of reads (core/audit.ts, appendReadAudit): appends a batch
-- of events in one call, so the reads of many concurrent requests share one round trip and
-- one commit. Each event is appended exactly as auditCtes() appends one: the chain head's
-- upsert locks the head, numbers the event and computes sha256(previous hash + "\n" +
-- canonical JSON, with the sequence number between part1 and part2); the event row is
-- inserted from what the upsert returns. Events are appended in array order (each statement
-- sees the ones before it, so one chain may appear more than once); the caller sorts a batch
-- by chain, so two batches take chain heads in the same order.
CREATE FUNCTION audit_append_batch(
  p_chain text[], p_part1 text[], p_part2 text[], p_occurred_at timestamptz[], p_region uuid[], p_actor uuid[],
  p_actor_org uuid[], p_kind text[], p_outcome text[], p_young_person uuid[], p_subject_type text[], p_subject_id text[],
  p_basis text[], p_details jsonb[]
) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  i integer;
  h record;
  genesis constant text := repeat('0', 64);
BEGIN
  FOR i IN 1 .. coalesce(array_length(p_chain, 1), 0) LOOP
    INSERT INTO audit_chains AS c (chain_key, last_seq, last_hash, prev_hash)
    VALUES (p_chain[i], 1, encode(sha256(convert_to(genesis || chr(10) || p_part1[i] || '1' || p_part2[i], 'UTF8')), 'hex'), genesis)
    ON CONFLICT (chain_key) DO UPDATE
      SET last_seq = c.last_seq + 1,
          last_hash = encode(sha256(convert_to(c.last_hash || chr(10) || p_part1[i] || (c.last_seq + 1)::text || p_part2[i], 'UTF8')), 'hex'),
          prev_hash = c.last_hash
    RETURNING last_seq, last_hash, prev_hash INTO h;
    INSERT INTO audit_events (chain_key, seq, occurred_at, region_id, actor_user_id, actor_organisation_id, kind,
      outcome, young_person_id, subject_type, subject_id, basis, details, prev_hash, hash)
    VALUES (p_chain[i], h.last_seq, p_occurred_at[i], p_region[i], p_actor[i], p_actor_org[i], p_kind[i], p_outcome[i],
      p_young_person[i], p_subject_type[i], p_subject_id[i], p_basis[i], p_details[i], h.prev_hash, h.last_hash);
  END LOOP;
  RETURN coalesce(array_length(p_chain, 1), 0);
END $$;
