-- The audit append becomes one statement (server/core/audit.ts): the chain head's upsert
-- computes the new hash in SQL and hands the previous hash to the event row through this
-- column (in an UPDATE's SET every right-hand side reads the old row). Read requests then
-- need no explicit transaction: session, access, view and audit are four round trips, not seven.
ALTER TABLE audit_chains ADD COLUMN prev_hash text;
