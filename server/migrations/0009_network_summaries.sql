-- The professional's home worklist (server/modules/networks/networks.worklist.ts) shows, per
-- network they are involved in: the child's name and age, the lead, the next evaluation, open
-- and overdue plan actions and the last activity. Computing that from seven tables cost ~1.3 ms
-- of PostgreSQL per request (about 22 index pages per network) and made it the slowest screen
-- in the benchmark. network_summaries keeps one row per network with those facts, written by the
-- triggers below in the same transaction as the change they follow, so the worklist reads one
-- row per network.
--
-- The rules, in one place:
-- * network_summary_source (a view) is the definition: what a row must say, computed from the
--   source tables. A new network's row is copied from it; rebuild_network_summaries() rebuilds all
--   rows from it (after a bulk load with triggers off); a test compares every row with it after
--   the operations that change the sources.
-- * Each trigger updates only the columns that follow from its own table, so two transactions
--   that change different sources of one child (a timeline line and a plan change) never undo
--   each other's update. last_activity_at only moves forward (greatest), so concurrent timeline
--   lines need no lock. Plan columns are recomputed by the transaction that holds the plan's row
--   lock (every plan change takes it, server/modules/plans/plans.service.ts), so no plan change
--   can be in flight for the same child at the same time.
-- * The worklist computes overdue itself (open_due holds the due dates of open actions; which
--   are overdue depends on today).

CREATE TABLE network_summaries (
  network_id uuid PRIMARY KEY REFERENCES networks(id) ON DELETE CASCADE,
  young_person_id uuid NOT NULL REFERENCES young_people(id) ON DELETE CASCADE,
  active boolean NOT NULL,
  given_name text NOT NULL,
  family_name text NOT NULL,
  birth_date date NOT NULL,
  lead_user_id uuid,
  lead_name text,
  next_evaluation_on date,
  -- Due dates of the plan's open and in-progress actions (NULL for an action without one).
  open_due date[] NOT NULL DEFAULT '{}',
  last_activity_at timestamptz
);
CREATE INDEX network_summaries_yp_idx ON network_summaries (young_person_id);
CREATE INDEX network_summaries_lead_idx ON network_summaries (lead_user_id);

CREATE VIEW network_summary_source AS
SELECT n.id AS network_id, n.young_person_id, n.status = 'active' AS active, y.given_name, y.family_name, y.birth_date,
       n.lead_user_id, lu.display_name AS lead_name, pv.next_evaluation_on,
       COALESCE((SELECT array_agg(pa.due_on ORDER BY pa.due_on) FROM plan_actions pa
                  WHERE pa.plan_id = p.id AND pa.status IN ('open', 'in_progress')), '{}') AS open_due,
       (SELECT max(t.at) FROM timeline_entries t WHERE t.young_person_id = n.young_person_id) AS last_activity_at
  FROM networks n
  JOIN young_people y ON y.id = n.young_person_id
  LEFT JOIN users lu ON lu.id = n.lead_user_id
  LEFT JOIN plans p ON p.young_person_id = n.young_person_id
  LEFT JOIN plan_versions pv ON pv.plan_id = p.id AND pv.number = p.current_version;

CREATE FUNCTION rebuild_network_summaries() RETURNS void LANGUAGE sql AS $$
  DELETE FROM network_summaries;
  INSERT INTO network_summaries SELECT * FROM network_summary_source;
$$;

-- networks: a new network gets its whole row; status and lead follow updates.
CREATE FUNCTION network_summaries_on_network() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO network_summaries SELECT * FROM network_summary_source WHERE network_id = NEW.id;
  ELSE
    UPDATE network_summaries s SET active = NEW.status = 'active', lead_user_id = NEW.lead_user_id,
           lead_name = (SELECT display_name FROM users WHERE id = NEW.lead_user_id)
     WHERE s.network_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER networks_summary AFTER INSERT OR UPDATE OF status, lead_user_id ON networks
  FOR EACH ROW EXECUTE FUNCTION network_summaries_on_network();

-- young_people: name and birth date.
CREATE FUNCTION network_summaries_on_young_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE network_summaries SET given_name = NEW.given_name, family_name = NEW.family_name, birth_date = NEW.birth_date
   WHERE young_person_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER young_people_summary AFTER UPDATE OF given_name, family_name, birth_date ON young_people
  FOR EACH ROW EXECUTE FUNCTION network_summaries_on_young_person();

-- users: the lead's name.
CREATE FUNCTION network_summaries_on_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE network_summaries SET lead_name = NEW.display_name WHERE lead_user_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER users_summary AFTER UPDATE OF display_name ON users
  FOR EACH ROW WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name) EXECUTE FUNCTION network_summaries_on_user();

-- plans: the next evaluation of the current version. A plan change writes the version and moves
-- current_version in one statement (plans.service.ts); AFTER row triggers run at the end of the
-- statement, so the new version is seen.
CREATE FUNCTION network_summaries_on_plan() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE network_summaries SET next_evaluation_on = (
           SELECT pv.next_evaluation_on FROM plans p JOIN plan_versions pv ON pv.plan_id = p.id AND pv.number = p.current_version
            WHERE p.young_person_id = NEW.young_person_id)
   WHERE young_person_id = NEW.young_person_id;
  RETURN NULL;
END $$;
CREATE TRIGGER plans_summary_new AFTER INSERT ON plans
  FOR EACH ROW EXECUTE FUNCTION network_summaries_on_plan();
-- Taking the plan's lock sets current_version to itself; only a real move counts.
CREATE TRIGGER plans_summary AFTER UPDATE OF current_version ON plans
  FOR EACH ROW WHEN (OLD.current_version IS DISTINCT FROM NEW.current_version) EXECUTE FUNCTION network_summaries_on_plan();

-- plan_actions: due dates of the open actions (read through plan_actions_open_idx, 0007).
CREATE FUNCTION network_summaries_on_action() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  UPDATE network_summaries SET open_due = COALESCE((
           SELECT array_agg(pa.due_on ORDER BY pa.due_on) FROM plan_actions pa
            WHERE pa.plan_id = r.plan_id AND pa.status IN ('open', 'in_progress')), '{}')
   WHERE young_person_id = r.young_person_id;
  RETURN NULL;
END $$;
CREATE TRIGGER plan_actions_summary AFTER INSERT OR UPDATE OR DELETE ON plan_actions
  FOR EACH ROW EXECUTE FUNCTION network_summaries_on_action();

-- timeline_entries: the last activity (lines are only added).
CREATE FUNCTION network_summaries_on_timeline() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE network_summaries SET last_activity_at = NEW.at
   WHERE young_person_id = NEW.young_person_id AND (last_activity_at IS NULL OR last_activity_at < NEW.at);
  RETURN NULL;
END $$;
CREATE TRIGGER timeline_entries_summary AFTER INSERT ON timeline_entries
  FOR EACH ROW EXECUTE FUNCTION network_summaries_on_timeline();

SELECT rebuild_network_summaries();

-- The worklist finds a user's networks from this index alone (no table visits); the access
-- check's lookups by (user, young person) use it as before.
CREATE INDEX involvements_user_cover_idx ON involvements (user_id, young_person_id) INCLUDE (network_id, organisation_id, starts_on, ends_on);
DROP INDEX involvements_user_idx;
