-- Performance (issue 7, measured with `npm run bench`): indexes for the per-child reads
-- that every case view makes. Plain per-child lookups, like the other *_yp_idx indexes.

-- resolveAccess (server/core/access.ts) loads all of a child's consents, withdrawn ones
-- included; the partial consents_yp_idx (withdrawn_at IS NULL) cannot serve that query,
-- so every network, plan and timeline read scanned the whole consents table.
CREATE INDEX consents_young_person_idx ON consents (young_person_id);

-- The network view lists the questions and lead handovers of one network.
CREATE INDEX questions_network_idx ON questions (network_id);
CREATE INDEX lead_handovers_network_idx ON lead_handovers (network_id, at);
