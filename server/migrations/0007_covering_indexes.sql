-- Performance (issue 7, measured with `npm run bench`): the two list views read their
-- rows from an index alone instead of visiting one table page per row.

-- Home worklist: open and overdue actions per plan. Only open actions are counted, so a
-- partial index holding due_on answers the count without reading plan_actions itself
-- (ten heap pages per plan before; the worklist query was ~3 ms of a ~4 ms request).
CREATE INDEX plan_actions_open_idx ON plan_actions (plan_id) INCLUDE (due_on) WHERE status IN ('open', 'in_progress');

-- Thuiszitter worklist: the clock of every open case of a gemeente is computed to order and
-- count the page, from these columns only.
DROP INDEX absences_open_idx;
CREATE INDEX absences_open_idx ON absences (region_id, gemeente_id) INCLUDE (id, young_person_id, started_on, ended_on, offer_extent, offer_started_on, swv_id)
  WHERE ended_on IS NULL;
