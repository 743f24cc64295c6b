-- More kinds of partner organisation (issue 18): the partners' workspace also counts welfare,
-- youth work, sport and culture, libraries, police, housing, health insurers, care offices
-- (zorgkantoor), training institutes, mbo, and gastouder agencies next to childcare.
--
-- organisations is a reference table on Citus: the CHECK is dropped and added again by its name,
-- as two statements (migrate() runs them one at a time on a distributed cluster). The nine types
-- of 0001 keep their codes; existing rows stay valid.
ALTER TABLE organisations DROP CONSTRAINT organisations_type_check;
ALTER TABLE organisations ADD CONSTRAINT organisations_type_check CHECK (type IN (
  'school', 'school_board', 'swv', 'childcare', 'wijkteam', 'youth_care_provider', 'jgz', 'leerplicht', 'municipality',
  'welfare', 'youth_work', 'sport_culture', 'library', 'police', 'housing', 'health_insurer', 'care_office',
  'training_institute', 'mbo', 'gastouder_agency'));
