-- Group commit of read audit events on Citus: one call per chain region that runs where the
-- region's shards are.
--
-- audit_append_batch (0013, 0018) runs its loop on the node that is called. On Citus that is the
-- coordinator, so each event costs the worker round trips (the chain head upsert and the event
-- insert, each a statement sent to the shard): a batch of 20 events made 40 trips while its
-- readers waited. audit_append_region takes the chain region as its first, scalar argument; the
-- distribution step (server/core/distribute.ts) makes it a distributed function on that argument,
-- co-located with audit_events, so Citus sends the whole call to the worker holding that region
-- and the loop's statements run there, on local shards. On PostgreSQL and PGlite it is the same
-- loop, called directly.
--
-- Every event of a call must belong to that region; an event of another region is refused (it
-- would be written into the wrong shard's chain head).
CREATE FUNCTION audit_append_region(
  p_chain_region uuid, p_chain text[], p_part1 text[], p_part2 text[], p_occurred_at timestamptz[], p_region uuid[], p_actor uuid[],
  p_actor_org uuid[], p_kind text[], p_outcome text[], p_young_person uuid[], p_subject_type text[], p_subject_id text[],
  p_basis text[], p_details jsonb[], p_event_chain_region uuid[]
) RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM unnest(p_event_chain_region) r WHERE r IS DISTINCT FROM p_chain_region) THEN
    RAISE EXCEPTION 'audit_append_region: an event of another chain region';
  END IF;
  RETURN audit_append_batch(p_chain, p_part1, p_part2, p_occurred_at, p_region, p_actor, p_actor_org, p_kind, p_outcome,
    p_young_person, p_subject_type, p_subject_id, p_basis, p_details, p_event_chain_region);
END $$;
