-- A young person's audit events are their own chain, yp:<id>, and no other chain names a young
-- person. The database now holds that as a rule, so a child's access log reads the child's chain
-- through the (chain_key, seq) index that every chain already has, and the separate index on
-- (young_person_id, occurred_at) goes: it duplicated that index and cost every audit append one
-- more insert at a random place in a large index (measured with the bench: with 2,000,000 events,
-- 0.63 full-page images in the WAL per appended event, about a third of them in that index).
--
-- A CHECK that evaluates to NULL passes, hence the coalesce: an event in a yp: chain without a
-- young person is refused too.
ALTER TABLE audit_events ADD CONSTRAINT audit_events_young_person_chain CHECK (
  CASE WHEN chain_key LIKE 'yp:%' THEN coalesce(chain_key = 'yp:' || young_person_id::text, false)
       ELSE young_person_id IS NULL END
);
DROP INDEX audit_events_young_person_idx;
