-- Every leerplicht case row (worklist, case view, Inspectie report) looks up the case's latest
-- doorzetting decision; without an index that was a scan of all decisions per row.
CREATE INDEX doorzetting_decisions_absence_idx ON doorzetting_decisions (absence_id, created_at DESC);
