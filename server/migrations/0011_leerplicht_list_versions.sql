-- The thuiszitter worklist is read far more often than the cases change. A server process may
-- keep a worklist page it computed (server/modules/leerplicht/worklist-cache.ts) and hand it out
-- again while nothing it shows has changed. Whether anything changed is one number per region:
-- leerplicht_list_versions.version, raised by every committed change to what a worklist row
-- shows. Each request reads the number first, so a kept page is never older than the request:
-- no messages between processes, no expiry guesswork.
--
-- What a worklist row shows (CASE_SELECT in leerplicht.service.ts): the absence; the child's name
-- and birth date; the school's name and type; the latest escalation; the latest doorzetting
-- decision and the names of its provider and payer; a confirmed exemption; and the region's
-- settings (warning days, red months, ladder). Each has a trigger below.
--
-- The triggers are deferred to commit: the version row is locked last and only for the moment
-- of the commit, so leerplicht writes in a region queue only there and cannot deadlock on it.

CREATE TABLE leerplicht_list_versions (
  region_id uuid PRIMARY KEY REFERENCES regions(id) ON DELETE CASCADE,
  version bigint NOT NULL DEFAULT 0
);

CREATE FUNCTION leerplicht_list_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  -- young_people: only children who have an absence appear on a worklist.
  IF TG_TABLE_NAME = 'young_people' THEN
    IF NOT EXISTS (SELECT 1 FROM absences WHERE young_person_id = r.id) THEN
      RETURN NULL;
    END IF;
  END IF;
  INSERT INTO leerplicht_list_versions AS v (region_id, version) VALUES (r.region_id, 1)
    ON CONFLICT (region_id) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER absences_list_changed AFTER INSERT OR UPDATE OR DELETE ON absences
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION leerplicht_list_changed();
CREATE CONSTRAINT TRIGGER escalations_list_changed AFTER INSERT OR UPDATE OR DELETE ON escalations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION leerplicht_list_changed();
CREATE CONSTRAINT TRIGGER doorzetting_decisions_list_changed AFTER INSERT OR UPDATE OR DELETE ON doorzetting_decisions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION leerplicht_list_changed();
CREATE CONSTRAINT TRIGGER exemptions_list_changed AFTER INSERT OR UPDATE OR DELETE ON exemptions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION leerplicht_list_changed();
CREATE CONSTRAINT TRIGGER leerplicht_settings_list_changed AFTER INSERT OR UPDATE OR DELETE ON leerplicht_settings
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION leerplicht_list_changed();
CREATE CONSTRAINT TRIGGER young_people_list_changed AFTER UPDATE OF given_name, family_name, birth_date ON young_people
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION leerplicht_list_changed();
CREATE CONSTRAINT TRIGGER organisations_list_changed AFTER UPDATE OF name, school_type ON organisations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION leerplicht_list_changed();
