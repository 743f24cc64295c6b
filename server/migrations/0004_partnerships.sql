-- Samenwerking: the partners' workspace (modules 4 and 6).
-- Versioned frameworks (shipped rows have partnership_id NULL; a partnership may add
-- its own), and per partnership: partner map, meeting tables with meetings, decisions
-- and actions, agreements with commitments, OOGO topics and funding, implementation
-- programmes, self-assessment rounds and the travel-guide checklist.
-- Every workspace table carries region_id (docs/ARCHITECTURE.md). Depends on 0001 only.

CREATE TABLE partnership_frameworks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL CHECK (key ~ '^[a-z0-9-]{2,60}$'),
  version integer NOT NULL DEFAULT 1,
  kind text NOT NULL CHECK (kind IN ('assessment', 'reference', 'guide', 'agenda_templates', 'topics', 'questions')),
  name_nl text NOT NULL,
  name_en text NOT NULL,
  source text,
  -- NULL for frameworks that ship with Rondom; set for a partnership's own framework.
  partnership_id uuid,
  region_id uuid REFERENCES regions(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX partnership_frameworks_shipped_idx ON partnership_frameworks (key, version) WHERE partnership_id IS NULL;
CREATE UNIQUE INDEX partnership_frameworks_own_idx ON partnership_frameworks (partnership_id, key, version) WHERE partnership_id IS NOT NULL;

CREATE TABLE partnership_framework_elements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  framework_id uuid NOT NULL REFERENCES partnership_frameworks(id),
  position integer NOT NULL,
  code text NOT NULL,
  name_nl text NOT NULL,
  name_en text NOT NULL,
  description_nl text,
  description_en text,
  meta jsonb NOT NULL DEFAULT '{}'::jsonb,
  UNIQUE (framework_id, code)
);

CREATE TABLE partnership_framework_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  element_id uuid NOT NULL REFERENCES partnership_framework_elements(id),
  position integer NOT NULL,
  code text NOT NULL,
  text_nl text NOT NULL,
  text_en text NOT NULL,
  -- true when the item is not literally in the source but derived from its text.
  derived boolean NOT NULL DEFAULT false,
  UNIQUE (element_id, code)
);
CREATE INDEX partnership_framework_items_element_idx ON partnership_framework_items (element_id, position);

-- A partnership: for a gemeente, a wijk or a region.
CREATE TABLE partnerships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id),
  name text NOT NULL,
  scope text NOT NULL CHECK (scope IN ('gemeente', 'wijk', 'region')),
  area_id uuid REFERENCES areas(id),
  description text,
  collaboration_model text,
  created_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX partnerships_region_idx ON partnerships (region_id);

CREATE TABLE partnership_partners (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  ring text NOT NULL DEFAULT 'inner' CHECK (ring IN ('inner', 'outer')),
  role_description text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (partnership_id, organisation_id)
);
CREATE INDEX partnership_partners_org_idx ON partnership_partners (region_id, organisation_id);

-- People in the partner map ("wie is wie"); optionally linked to a Rondom account.
CREATE TABLE partnership_people (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  partner_id uuid NOT NULL REFERENCES partnership_partners(id),
  user_id uuid REFERENCES users(id),
  name text NOT NULL,
  role_title text,
  email text,
  phone text,
  ring text CHECK (ring IN ('inner', 'outer')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX partnership_people_idx ON partnership_people (region_id, partnership_id);

-- A portfolio: what a person is responsible for, what they may decide, who deputises.
CREATE TABLE partnership_portfolios (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  person_id uuid NOT NULL REFERENCES partnership_people(id),
  topic text NOT NULL,
  responsibilities text,
  mandate text,
  has_mandate boolean NOT NULL DEFAULT false,
  deputy_person_id uuid REFERENCES partnership_people(id),
  is_key boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (deputy_person_id IS NULL OR deputy_person_id <> person_id)
);
CREATE INDEX partnership_portfolios_idx ON partnership_portfolios (region_id, partnership_id);

-- Meeting tables (overlegtafels), designed with the seven questions.
CREATE TABLE partnership_tables (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  name text NOT NULL,
  level text NOT NULL CHECK (level IN ('governance', 'officials', 'delivery')),
  kind text NOT NULL DEFAULT 'other' CHECK (kind IN ('lea', 'oogo', 'other')),
  purpose text,
  participants_note text,
  topics text,
  frequency text,
  duration text,
  evaluation text,
  linkage text,
  reports_to_table_id uuid REFERENCES partnership_tables(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (reports_to_table_id IS NULL OR reports_to_table_id <> id)
);
CREATE INDEX partnership_tables_idx ON partnership_tables (region_id, partnership_id);

CREATE TABLE partnership_table_partners (
  table_id uuid NOT NULL REFERENCES partnership_tables(id),
  partner_id uuid NOT NULL REFERENCES partnership_partners(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  PRIMARY KEY (table_id, partner_id)
);

CREATE TABLE partnership_meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  table_id uuid NOT NULL REFERENCES partnership_tables(id),
  held_on date NOT NULL,
  template_code text,
  agenda jsonb NOT NULL DEFAULT '[]'::jsonb,
  notes text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX partnership_meetings_idx ON partnership_meetings (region_id, table_id, held_on);

CREATE TABLE partnership_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  meeting_id uuid NOT NULL REFERENCES partnership_meetings(id),
  text text NOT NULL,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX partnership_decisions_idx ON partnership_decisions (meeting_id);

-- Actions from meetings: they appear on the owner's task list.
CREATE TABLE partnership_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  meeting_id uuid NOT NULL REFERENCES partnership_meetings(id),
  text text NOT NULL,
  owner_user_id uuid NOT NULL REFERENCES users(id),
  due_on date,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX partnership_actions_owner_idx ON partnership_actions (owner_user_id, status);
CREATE INDEX partnership_actions_meeting_idx ON partnership_actions (meeting_id);

-- Agreements: covenants, cooperation agreements, privacy covenants, OOGO and LEA.
CREATE TABLE partnership_agreements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  kind text NOT NULL CHECK (kind IN ('covenant', 'cooperation', 'privacy_covenant', 'oogo', 'lea')),
  title text NOT NULL,
  purpose text,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'ended')),
  starts_on date,
  ends_on date,
  review_on date,
  -- Privacy covenant (AVG): purposes, data categories, legal basis, retention, roles.
  privacy jsonb,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX partnership_agreements_idx ON partnership_agreements (region_id, partnership_id);

CREATE TABLE partnership_agreement_parties (
  agreement_id uuid NOT NULL REFERENCES partnership_agreements(id),
  partner_id uuid NOT NULL REFERENCES partnership_partners(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  PRIMARY KEY (agreement_id, partner_id)
);

-- Commitments: who does or invests what, until when; "comply or explain".
CREATE TABLE partnership_commitments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  agreement_id uuid NOT NULL REFERENCES partnership_agreements(id),
  partner_id uuid NOT NULL REFERENCES partnership_partners(id),
  description text NOT NULL,
  until_on date,
  status text NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'done', 'explained_deviation')),
  explanation text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'explained_deviation' OR length(coalesce(explanation, '')) > 0)
);
CREATE INDEX partnership_commitments_idx ON partnership_commitments (agreement_id);

-- The state of an OOGO agreement per topic (the ten topics framework).
CREATE TABLE partnership_oogo_topics (
  agreement_id uuid NOT NULL REFERENCES partnership_agreements(id),
  item_id uuid NOT NULL REFERENCES partnership_framework_items(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  state text NOT NULL DEFAULT 'not_started' CHECK (state IN ('not_started', 'in_discussion', 'agreed', 'under_review')),
  summary text,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (agreement_id, item_id)
);

-- Financial commitments: who invests how much per year, pooled or fixed, until when.
CREATE TABLE partnership_funding (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  agreement_id uuid REFERENCES partnership_agreements(id),
  partner_id uuid NOT NULL REFERENCES partnership_partners(id),
  purpose text NOT NULL,
  amount_per_year_cents bigint NOT NULL CHECK (amount_per_year_cents >= 0),
  mode text NOT NULL CHECK (mode IN ('pooled', 'fixed')),
  starts_on date NOT NULL,
  ends_on date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX partnership_funding_idx ON partnership_funding (region_id, partnership_id);

-- Implementation programme (uitvoeringsprogramma) with its six parts.
CREATE TABLE partnership_programmes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  title text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  intended_results text,
  lead_partner_id uuid REFERENCES partnership_partners(id),
  lead_person_id uuid REFERENCES partnership_people(id),
  arrangements jsonb NOT NULL DEFAULT '{}'::jsonb,
  adopted_by_table_id uuid REFERENCES partnership_tables(id),
  adopted_on date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on)
);
CREATE INDEX partnership_programmes_idx ON partnership_programmes (region_id, partnership_id);

CREATE TABLE partnership_programme_partners (
  programme_id uuid NOT NULL REFERENCES partnership_programmes(id),
  partner_id uuid NOT NULL REFERENCES partnership_partners(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  PRIMARY KEY (programme_id, partner_id)
);

CREATE TABLE partnership_activities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  programme_id uuid NOT NULL REFERENCES partnership_programmes(id),
  title text NOT NULL,
  description text,
  starts_on date,
  ends_on date,
  lead_partner_id uuid REFERENCES partnership_partners(id),
  progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'running', 'done', 'stalled')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX partnership_activities_idx ON partnership_activities (programme_id);

-- Self-assessment rounds. Responses are anonymous: the invitation records that a
-- user answered, the response rows never hold who answered.
CREATE TABLE partnership_rounds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  framework_id uuid NOT NULL REFERENCES partnership_frameworks(id),
  title text NOT NULL,
  opens_on date NOT NULL,
  closes_on date,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX partnership_rounds_idx ON partnership_rounds (region_id, partnership_id, opens_on);

CREATE TABLE partnership_invitations (
  round_id uuid NOT NULL REFERENCES partnership_rounds(id),
  user_id uuid NOT NULL REFERENCES users(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  partner_id uuid REFERENCES partnership_partners(id),
  respondent_group text NOT NULL CHECK (respondent_group IN ('work_floor', 'policy', 'governance', 'parent', 'young_person')),
  responded_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (round_id, user_id)
);
CREATE INDEX partnership_invitations_user_idx ON partnership_invitations (user_id);

CREATE TABLE partnership_responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES partnership_rounds(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  partner_id uuid REFERENCES partnership_partners(id),
  respondent_group text NOT NULL,
  submitted_on date NOT NULL DEFAULT CURRENT_DATE
);
CREATE INDEX partnership_responses_round_idx ON partnership_responses (round_id);

CREATE TABLE partnership_answers (
  response_id uuid NOT NULL REFERENCES partnership_responses(id),
  item_id uuid NOT NULL REFERENCES partnership_framework_items(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  score integer NOT NULL CHECK (score BETWEEN 1 AND 5),
  example text,
  PRIMARY KEY (response_id, item_id)
);

-- The partnership's reading of a round: the four interpretation questions and actions.
CREATE TABLE partnership_readings (
  round_id uuid PRIMARY KEY REFERENCES partnership_rounds(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  recognise text,
  explain text,
  opinion text,
  improve text,
  actions jsonb NOT NULL DEFAULT '[]'::jsonb,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Travel guide: which checklist items a partnership has ticked.
CREATE TABLE partnership_guide_checks (
  partnership_id uuid NOT NULL REFERENCES partnerships(id),
  item_id uuid NOT NULL REFERENCES partnership_framework_items(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  done boolean NOT NULL DEFAULT false,
  note text,
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (partnership_id, item_id)
);

-- ---------------------------------------------------------------------------
-- Shipped frameworks, version 1 (Dutch originals from the sources, with English).
-- ---------------------------------------------------------------------------
INSERT INTO partnership_frameworks (key, version, kind, name_nl, name_en, source) VALUES
  ('six-elements', 1, 'assessment', 'Zes werkzame elementen (Reflectiekader Met Andere Ogen)', 'Six effective elements of collaboration (Met Andere Ogen reflection frame)', 'seeds/001 Reflectiekader'),
  ('success-conditions', 1, 'assessment', 'Acht succesvoorwaarden voor samenwerking (Smeets & Van Veen)', 'Eight success conditions for collaboration (Smeets & Van Veen)', 'seeds/003, seeds/000'),
  ('collaboration-models', 1, 'reference', 'Vier modellen van samenwerking', 'Four collaboration models', 'seeds/003 Landelijke inventarisatie 2018'),
  ('travel-guide', 1, 'guide', 'Reisgids: negen etappes voor beleidsmakers', 'Travel guide: nine stages for policy makers', 'seeds/000 Reisgids'),
  ('agenda-templates', 1, 'agenda_templates', 'Voorbeeldagenda''s LEA en OOGO', 'Example agendas for LEA and OOGO', 'seeds/000 Bijlagen 1 en 2'),
  ('oogo-topics', 1, 'topics', 'De tien OOGO-onderwerpen', 'The ten OOGO topics', 'seeds/004'),
  ('interpretation-questions', 1, 'questions', 'Vier duidingsvragen', 'Four interpretation questions', 'seeds/001 CoP Monitoring');

INSERT INTO partnership_framework_elements (framework_id, position, code, name_nl, name_en, description_nl, description_en, meta)
SELECT f.id, v.position, v.code, v.nl, v.en, v.dnl, v.den, v.meta::jsonb
  FROM partnership_frameworks f
  JOIN (VALUES
    ('six-elements', 1, 'E1', 'Gedeelde visie en urgentie onderwijs-zorg-jeugd', 'Shared vision and urgency (education, care, youth)', NULL, NULL, '{}'),
    ('six-elements', 2, 'E2', 'Cultuur van samenwerken', 'Culture of collaboration', NULL, NULL, '{}'),
    ('six-elements', 3, 'E3', 'Regie op de samenwerking op alle niveaus van uitvoering, beleid en bestuur', 'Direction of the collaboration at all levels of delivery, policy and governance', NULL, NULL, '{}'),
    ('six-elements', 4, 'E4', 'Lerende cyclus: zicht op de voortgang', 'Learning cycle: insight into progress', NULL, NULL, '{}'),
    ('six-elements', 5, 'E5', 'Faciliterend stelsel', 'Facilitating system', NULL, NULL, '{}'),
    ('six-elements', 6, 'E6', 'Werken in één ecosysteem', 'Working in one ecosystem',
      'De bron noemt hier geen indicatoren; de twee stellingen zijn afgeleid van de beschrijving van een organisatienetwerk.',
      'The source lists no indicators here; the two statements are derived from its description of an organisation network.', '{}'),
    ('success-conditions', 1, 'S1', 'Gezamenlijke visie', 'Shared vision', NULL, NULL, '{}'),
    ('success-conditions', 2, 'S2', 'Helderheid over rollen en mandaat', 'Clarity on roles and mandate', NULL, NULL, '{}'),
    ('success-conditions', 3, 'S3', 'Deskundigheid en gezamenlijke professionalisering', 'Expertise and joint professional development', NULL, NULL, '{}'),
    ('success-conditions', 4, 'S4', 'Communicatie en informatie delen', 'Communication and sharing information', NULL, NULL, '{}'),
    ('success-conditions', 5, 'S5', 'Kennis van elkaar, vertrouwen en realistische verwachtingen', 'Knowing each other, trust and realistic expectations', NULL, NULL, '{}'),
    ('success-conditions', 6, 'S6', 'Zicht op kwaliteit en periodieke evaluatie', 'Insight into quality and periodic evaluation', NULL, NULL, '{}'),
    ('success-conditions', 7, 'S7', 'Voortbouwen op bestaande netwerken', 'Building on existing networks', NULL, NULL, '{}'),
    ('success-conditions', 8, 'S8', 'Praktische randvoorwaarden', 'Practical conditions', NULL, NULL, '{}'),
    ('collaboration-models', 1, 'M1', 'Schottenmodel', 'Separate model',
      'Onderwijs en zorg opereren los van elkaar.', 'Education and care operate separately.', '{"aim": false}'),
    ('collaboration-models', 2, 'M2', 'Ketenmodel', 'Chain model',
      'Geschakelde verantwoordelijkheid, met vaste volgorde van handelen.', 'Linked responsibility, with a fixed order of handling.', '{"aim": false}'),
    ('collaboration-models', 3, 'M3', 'Netwerkmodel', 'Network model',
      'Handelen en keuze van samenwerkingspartners is afhankelijk van het doel.', 'Action and choice of partners depend on the goal.', '{"aim": true}'),
    ('collaboration-models', 4, 'M4', 'Integrale model', 'Integrated model',
      'Eén multidisciplinair team voor onderwijs en jeugdhulp, met eigen budget.', 'One multidisciplinary team for education and youth care, with its own budget.', '{"aim": true}'),
    ('travel-guide', 1, 'G1', 'Gezamenlijk een visie vormen op opgroeien, opvoeden en ontwikkelen', 'Form a shared vision on growing up, parenting and development', NULL, NULL, '{"group": "travel_plan", "links": ["agreements"]}'),
    ('travel-guide', 2, 'G2', 'Weten wie je nodig hebt', 'Know whom you need', NULL, NULL, '{"group": "companions", "links": ["partners"]}'),
    ('travel-guide', 3, 'G3', 'Draagvlak vinden binnen organisaties', 'Find support inside organisations', NULL, NULL, '{"group": "companions", "links": ["partners"]}'),
    ('travel-guide', 4, 'G4', 'Een heldere structuur aanbrengen in samenwerking', 'Bring clear structure to the collaboration', NULL, NULL, '{"group": "preparation", "links": ["tables", "partners"]}'),
    ('travel-guide', 5, 'G5', 'Afspraken over financiële verantwoordelijkheden', 'Agree on financial responsibilities', NULL, NULL, '{"group": "preparation", "links": ["funding", "agreements"]}'),
    ('travel-guide', 6, 'G6', 'De energie erin houden', 'Keep the energy in', NULL, NULL, '{"group": "keeping_going", "links": ["partners", "tables"]}'),
    ('travel-guide', 7, 'G7', 'Beleid schrijven en monitoren (data)', 'Write and monitor policy (data)', NULL, NULL, '{"group": "keeping_going", "links": ["monitor"]}'),
    ('travel-guide', 8, 'G8', 'De juiste balans vinden in samenwerking', 'Find the right balance in collaboration', NULL, NULL, '{"group": "keeping_going", "links": ["assessments"]}'),
    ('travel-guide', 9, 'G9', 'De uitvoering van beleid borgen en evalueren', 'Secure and evaluate implementation', NULL, NULL, '{"group": "reflecting", "links": ["programmes", "assessments"]}'),
    ('agenda-templates', 1, 'lea-governance', 'Voorbeeldagenda bestuurlijk overleg (LEA)', 'Example agenda: governance meeting (LEA)', NULL, NULL, '{"tableKind": "lea", "level": "governance"}'),
    ('agenda-templates', 2, 'lea-officials', 'Voorbeeldagenda ambtelijk overleg (werkgroep)', 'Example agenda: officials'' meeting (working group)', NULL, NULL, '{"tableKind": "lea", "level": "officials"}'),
    ('agenda-templates', 3, 'oogo-governance', 'Voorbeeldagenda bestuurlijk overleg (OOGO)', 'Example agenda: governance meeting (OOGO)', NULL, NULL, '{"tableKind": "oogo", "level": "governance"}'),
    ('oogo-topics', 1, 'T', 'OOGO-onderwerpen', 'OOGO topics', NULL, NULL, '{}'),
    ('interpretation-questions', 1, 'Q', 'Duidingsvragen', 'Interpretation questions', NULL, NULL, '{}')
  ) AS v(fkey, position, code, nl, en, dnl, den, meta) ON v.fkey = f.key
 WHERE f.version = 1 AND f.partnership_id IS NULL;

INSERT INTO partnership_framework_items (element_id, position, code, text_nl, text_en, derived)
SELECT e.id, v.position, v.code, v.nl, v.en, v.derived
  FROM partnership_framework_elements e
  JOIN partnership_frameworks f ON f.id = e.framework_id AND f.version = 1 AND f.partnership_id IS NULL
  JOIN (VALUES
    ('six-elements', 'E1', 1, 'E1.1', 'Eén verhaal; een kind laat zich immers niet opdelen in domeinen.', 'One story: a child cannot be split into domains.', false),
    ('six-elements', 'E1', 2, 'E1.2', 'Aansluiten op cliënten; we werken vanuit en mét kinderen en ouders.', 'Connect to clients: we work from and with children and parents.', false),
    ('six-elements', 'E1', 3, 'E1.3', 'Preventief en positief jeugdbeleid: aan de voorkant een positieve basis en inclusievere voorzieningen, en waar mogelijk normaliseren.', 'Preventive and positive youth policy: a positive base and inclusive provisions up front, and normalise where possible.', false),
    ('six-elements', 'E2', 1, 'E2.1', 'Onderling vertrouwen', 'Mutual trust', false),
    ('six-elements', 'E2', 2, 'E2.2', 'Verbindend leiderschap', 'Connecting leadership', false),
    ('six-elements', 'E2', 3, 'E2.3', 'Kennis van elkaars taken, rollen, verantwoordelijkheden (ook van ouders)', 'Knowledge of each other''s tasks, roles and responsibilities (also of parents)', false),
    ('six-elements', 'E2', 4, 'E2.4', 'Brede interprofessionele samenwerking op de werkvloer', 'Broad interprofessional collaboration on the work floor', false),
    ('six-elements', 'E2', 5, 'E2.5', 'Gedeelde taal', 'Shared language', false),
    ('six-elements', 'E2', 6, 'E2.6', 'Pro-activiteit is een basishouding; we werken outreachend en vertrekken vanuit de cliënt.', 'Proactivity as basic attitude: we work outreaching and start from the client.', false),
    ('six-elements', 'E3', 1, 'E3.1', 'Samenwerkingsafspraken tussen gemeenten, onderwijs en jeugd; brede, lokale, duurzame afspraken', 'Agreements between municipalities, education and youth: broad, local and lasting', false),
    ('six-elements', 'E3', 2, 'E3.2', 'Mandaat in de uitvoering is georganiseerd.', 'Mandate is organised in delivery.', false),
    ('six-elements', 'E3', 3, 'E3.3', 'Congruentie niet alleen in visie maar ook in sturing en financiële inrichting van de samenwerkende organisaties', 'Congruence not only in vision but also in steering and financial set-up of the organisations', false),
    ('six-elements', 'E3', 4, 'E3.4', 'Borging in beleid en bestuur', 'Anchoring in policy and governance', false),
    ('six-elements', 'E4', 1, 'E4.1', 'Monitoring op het niveau waarop gezamenlijke afspraken zijn gemaakt', 'Monitoring at the level where joint agreements were made', false),
    ('six-elements', 'E4', 2, 'E4.2', 'Datagedreven werken', 'Data-driven work', false),
    ('six-elements', 'E4', 3, 'E4.3', 'Een lerende cyclus in de regio, waarbij de outcome van de samenwerking vanuit meervoudig perspectief (ouders, jongeren, professionals, partners) wordt opgehaald en besproken', 'A regional learning cycle in which the outcome of the collaboration is collected from several perspectives (parents, young people, professionals, partners) and discussed', false),
    ('six-elements', 'E5', 1, 'E5.1', 'Gebundelde financiering mogelijk maken; budgetten met poreuze randen', 'Make pooled funding possible: budgets with porous edges', false),
    ('six-elements', 'E5', 2, 'E5.2', 'Coördinatie op inhoudelijke en juridische vergelijking van wetten in het sociaal domein', 'Coordination on comparing laws in the social domain', false),
    ('six-elements', 'E5', 3, 'E5.3', 'Terugdringen van vrijstellingen 5 onder a', 'Reduce 5-onder-a exemptions', false),
    ('six-elements', 'E5', 4, 'E5.4', 'Afstemming van toezicht om integraliteit van onderwijs en zorg te verbeteren', 'Align supervision to improve the integration of education and care', false),
    ('six-elements', 'E5', 5, 'E5.5', 'Omgaan met incongruente schaalgrootte', 'Cope with mismatched scales', false),
    ('six-elements', 'E6', 1, 'E6.1', 'Ten minste drie autonome organisaties werken samen aan een gezamenlijk doel, naast hun eigen doelen.', 'At least three autonomous organisations work towards a shared goal, next to their own goals.', true),
    ('six-elements', 'E6', 2, 'E6.2', 'De aanpak komt in gezamenlijkheid tot stand, met partners van binnen en buiten het eigen domein.', 'The approach is made together, with partners from inside and outside one''s own domain.', true),
    ('success-conditions', 'S1', 1, 'S1', 'Een gezamenlijke visie, gericht op een domeinoverstijgend doel (bijvoorbeeld preventie), die als basis dient voor initiatieven en activiteiten', 'A shared vision on a cross-domain goal (e.g. prevention) as the basis for initiatives and activities', false),
    ('success-conditions', 'S2', 1, 'S2', 'Helderheid over verantwoordelijkheden en rollen; betrokkenen hebben het mandaat om besluiten te nemen', 'Clarity on responsibilities and roles; those involved have the mandate to decide', false),
    ('success-conditions', 'S3', 1, 'S3', 'Deskundigheid en gezamenlijke professionalisering', 'Expertise and joint professional development', false),
    ('success-conditions', 'S4', 1, 'S4', 'Communicatie, het voeren van overleg en het delen van relevante informatie', 'Communication, consultation and sharing relevant information', false),
    ('success-conditions', 'S5', 1, 'S5', 'Kennis van elkaars mogelijkheden en werkwijze, vertrouwen en realistische verwachtingen over elkaars bijdrage', 'Knowing each other''s possibilities and ways of working, trust and realistic expectations of each other''s contribution', false),
    ('success-conditions', 'S6', 1, 'S6', 'Zicht op kwaliteit, periodieke evaluatie en zo nodig aanpassen van organisatie en werkwijze', 'Insight into quality, periodic evaluation and adjusting organisation and ways of working where needed', false),
    ('success-conditions', 'S7', 1, 'S7', 'Voortbouwen op eerdere samenwerking en aansluiten bij bestaande netwerken', 'Building on earlier collaboration and existing networks', false),
    ('success-conditions', 'S8', 1, 'S8', 'Praktische randvoorwaarden, zoals voldoende tijd en budget', 'Practical conditions such as enough time and budget', false),
    ('travel-guide', 'G1', 1, 'G1.1', 'Kom met je reisgezelschap bij elkaar en formuleer een visie. Stel fundamentele vragen: wat willen wij voor onze gezinnen, onze jeugd en onze lokale gemeenschap? Wat is onze maatschappelijke opgave?', 'Meet your companions and formulate a vision. Ask the fundamental questions: what do we want for our families, our young people and our community? What is our societal task?', false),
    ('travel-guide', 'G1', 2, 'G1.2', 'Maak een gezamenlijke (probleem)analyse uit harde data en zachte signalen: wat zijn knel- en verbeterpunten?', 'Make a joint (problem) analysis from hard data and soft signals: what are the bottlenecks and points to improve?', false),
    ('travel-guide', 'G1', 3, 'G1.3', 'Werk concrete uitgangspunten en afspraken uit bij je visie.', 'Work out concrete principles and agreements for your vision.', false),
    ('travel-guide', 'G2', 1, 'G2.1', 'Ouders en verzorgers', 'Parents and carers', false),
    ('travel-guide', 'G2', 2, 'G2.2', 'Kinderopvang-, onderwijs-, welzijn-, jeugdgezondheidszorg- en jeugdhulpprofessionals (lokale wijkteams)', 'Childcare, education, welfare, youth health and youth-care professionals (local wijkteams)', false),
    ('travel-guide', 'G2', 3, 'G2.3', 'Gemeenteambtenaren van verschillende beleidsdomeinen (jeugd, onderwijs, werk en inkomen, schuldhulp)', 'Municipal officers from several domains (youth, education, work and income, debt help)', false),
    ('travel-guide', 'G2', 4, 'G2.4', 'Bibliotheken', 'Libraries', false),
    ('travel-guide', 'G2', 5, 'G2.5', 'Kerken, moskeeën, scouting en sport- en cultuurverenigingen', 'Churches, mosques, scouting, sports and culture clubs', false),
    ('travel-guide', 'G2', 6, 'G2.6', 'Opleidingsinstituten', 'Training institutes', false),
    ('travel-guide', 'G2', 7, 'G2.7', 'Coalities of allianties (lokaal of nationaal)', 'Coalitions or alliances (local or national)', false),
    ('travel-guide', 'G3', 1, 'G3.1', 'Kijk welke mogelijkheden er zijn voor ambassadeurs binnen de betrokken organisaties, ook oudervertegenwoordigers.', 'Look for ambassadors inside the organisations involved, including parent representatives.', false),
    ('travel-guide', 'G3', 2, 'G3.2', 'Wijs per initiatief een ambassadeur aan die de samenwerking intern onder de aandacht houdt.', 'Appoint an ambassador per initiative who keeps the collaboration on the agenda internally.', false),
    ('travel-guide', 'G3', 3, 'G3.3', 'Maak de samenwerking niet te afhankelijk van individuele personen.', 'Do not make the collaboration too dependent on individuals.', false),
    ('travel-guide', 'G4', 1, 'G4.1', 'Het doel van elk overleg: waarom komen we samen, met welke opdracht?', 'The purpose of each meeting: why do we meet, with which assignment?', false),
    ('travel-guide', 'G4', 2, 'G4.2', 'De deelnemers: wie zijn de betrokkenen; altijd aanwezig of op basis van agenda-onderwerpen uitgenodigd?', 'The participants: who is involved; always present or invited per topic?', false),
    ('travel-guide', 'G4', 3, 'G4.3', 'De onderwerpen: welke onderwerpen worden waar besproken?', 'The topics: which topics are discussed where?', false),
    ('travel-guide', 'G4', 4, 'G4.4', 'De frequentie: hoe vaak komen we bij elkaar? Online of offline?', 'The frequency: how often do we meet? Online or in person?', false),
    ('travel-guide', 'G4', 5, 'G4.5', 'De duur: hoe lang komen we bij elkaar?', 'The duration: how long do we meet?', false),
    ('travel-guide', 'G4', 6, 'G4.6', 'De evaluatie: hoe vaak evalueren we de vorm van het overleg?', 'The evaluation: how often do we evaluate the form of the meeting?', false),
    ('travel-guide', 'G4', 7, 'G4.7', 'De verbinding: hoe borgen we de verbinding tussen de overleggen, hoe houden we elkaar op de hoogte en wie heeft de regie?', 'The linkage: how do we connect the meetings, keep each other informed, and who directs?', false),
    ('travel-guide', 'G4', 8, 'G4.8', 'Stel portefeuilles in: wie is betrokken, wat verwachten we van elkaar, welke rollen en verantwoordelijkheden?', 'Set up portfolios: who is involved, what do we expect of each other, which roles and responsibilities?', false),
    ('travel-guide', 'G5', 1, 'G5.1', 'Maak bij de start duidelijke afspraken over financiële verantwoordelijkheden en borging; leg vast wie wat investeert.', 'Agree at the start on financial responsibilities and continuity; record who invests what.', false),
    ('travel-guide', 'G5', 2, 'G5.2', 'Kijk naar de wettelijke kaders voor helderheid in ieders verantwoordelijkheid en rol.', 'Look at the legal frameworks for clarity on each party''s responsibility and role.', false),
    ('travel-guide', 'G5', 3, 'G5.3', 'Kies: budgetten bundelen tot één pot, of vaste budgetafspraken.', 'Choose: pool budgets into one fund, or fixed budget agreements.', false),
    ('travel-guide', 'G6', 1, 'G6.1', 'Maak bewuste keuzes wie je wanneer betrekt; werk met een duidelijke binnen- en buitenring.', 'Choose deliberately whom you involve when; work with a clear inner and outer ring.', false),
    ('travel-guide', 'G6', 2, 'G6.2', 'Zorg voor een regisseur die de samenwerking coördineert, met vakmanschap en bestuurlijk draagvlak.', 'Have a director who coordinates the collaboration, with craftsmanship and governance support.', false),
    ('travel-guide', 'G6', 3, 'G6.3', 'Blijf investeren in je samenwerkingsrelatie: ontmoet elkaar.', 'Keep investing in the relationship: meet each other.', false),
    ('travel-guide', 'G7', 1, 'G7.1', 'Samen de visie ontwikkelen', 'Develop the vision together', false),
    ('travel-guide', 'G7', 2, 'G7.2', 'Samen het doel vaststellen', 'Set the goal together', false),
    ('travel-guide', 'G7', 3, 'G7.3', 'Samen bedenken hoe je meet of je het bereikt (indicatoren)', 'Decide together how to measure it (indicators)', false),
    ('travel-guide', 'G7', 4, 'G7.4', 'Samen meten', 'Measure together', false),
    ('travel-guide', 'G7', 5, 'G7.5', 'Samen evalueren', 'Evaluate together', false),
    ('travel-guide', 'G7', 6, 'G7.6', 'Samen successen vieren', 'Celebrate successes together', false),
    ('travel-guide', 'G7', 7, 'G7.7', 'Samen bijsturen', 'Adjust together', false),
    ('travel-guide', 'G8', 1, 'G8.1', 'Erken en waardeer de verschillen in taal, cultuur en perspectieven; neem de tijd om elkaar te leren kennen.', 'Recognise and value differences in language, culture and perspective; take time to get to know each other.', false),
    ('travel-guide', 'G8', 2, 'G8.2', 'Vermijd strak omlijnde afspraken zonder ruimte voor groei, aanpassing of wederzijds begrip.', 'Avoid rigid agreements without room for growth, adjustment or mutual understanding.', false),
    ('travel-guide', 'G8', 3, 'G8.3', 'Bestuurders geven professionals ruimte en staan achter hen.', 'Administrators give professionals room and back them.', false),
    ('travel-guide', 'G9', 1, 'G9.1', 'De looptijd: start- en einddatum', 'The duration: start and end date', false),
    ('travel-guide', 'G9', 2, 'G9.2', 'De activiteiten: welke stappen zijn gezet, welke worden gezet?', 'The activities: which steps were taken, which will be?', false),
    ('travel-guide', 'G9', 3, 'G9.3', 'De betrokken partners: wie werkt mee aan de uitvoering?', 'The partners: who works on the implementation?', false),
    ('travel-guide', 'G9', 4, 'G9.4', 'De beoogde resultaten: wat willen we bereiken?', 'The intended results: what do we want to achieve?', false),
    ('travel-guide', 'G9', 5, 'G9.5', 'De verantwoordelijkheid: wie is trekker en/of eindverantwoordelijke?', 'The responsibility: who leads and who is accountable?', false),
    ('travel-guide', 'G9', 6, 'G9.6', 'De afspraken: hoe borgen we sturing, monitoring, verantwoording, samenwerking, communicatie en financiën?', 'The agreements: how do we secure steering, monitoring, accountability, cooperation, communication and finance?', false),
    ('agenda-templates', 'lea-governance', 1, 'lea-g-1', 'Opening en mededelingen', 'Opening and announcements', false),
    ('agenda-templates', 'lea-governance', 2, 'lea-g-2', 'Stand van zaken uitvoeringsprogramma onderwijsachterstandenbeleid (OAB). Denk aan: bereik/non-bereik, ouderbetrokkenheid, VVE-resultaatafspraken, gebruik van data/monitor (PDCA-cyclus)', 'Progress of the educational disadvantage (OAB) programme. Think of: reach, parent involvement, early-education result agreements, use of data/monitor (PDCA cycle)', false),
    ('agenda-templates', 'lea-governance', 3, 'lea-g-3', 'Samenwerking/verbinding (inclusieve kinderopvang, (passend) onderwijs, welzijnswerk, jeugdhulp): ondersteuningsstructuur jonge kind (12-), routekaart; rol- en taakduidelijkheid en regie; doorlopende leerlijnen v(s)o/pro naar mbo; aansluiting onderwijs-arbeidsmarkt; voorkomen van voortijdig schoolverlaten', 'Collaboration (inclusive childcare, (inclusive) education, welfare, youth care): support structure for young children (under 12), route map; clarity of roles and direction; continuous learning lines from (special) secondary to mbo; education and labour market; preventing early school leaving', false),
    ('agenda-templates', 'lea-governance', 4, 'lea-g-4', 'Rondvraag en afsluiting', 'Any other business and close', false),
    ('agenda-templates', 'lea-officials', 1, 'lea-o-1', 'Opening en mededelingen', 'Opening and announcements', false),
    ('agenda-templates', 'lea-officials', 2, 'lea-o-2', 'Inhoudelijke onderwerpen. Denk aan: bereik/non-bereik, ouderbetrokkenheid, VVE-resultaatafspraken, gebruik van data/monitor (PDCA-cyclus)', 'Substantive topics. Think of: reach, parent involvement, early-education result agreements, use of data/monitor (PDCA cycle)', false),
    ('agenda-templates', 'lea-officials', 3, 'lea-o-3', 'Samenwerking/verbinding: gemeentelijke doelgroepdefinitie VE; indiceren, verwijzen en toeleiden; voorschoolse voorzieningen; bereik en redenen van geen deelname; wachtlijsten; nieuwkomersonderwijs/schakel- en taalklassen; doorgaande ontwikkel- en leerlijn; aansluiting onderwijs-arbeidsmarkt; voortijdig schoolverlaten; ouderbetrokkenheid; gebruik van data/monitor', 'Collaboration: municipal target group for early education; assessing, referring and guiding; pre-school provision; reach and reasons for non-participation; waiting lists; newcomer and language classes; continuous development and learning lines; education and labour market; early school leaving; parent involvement; use of data/monitor', false),
    ('agenda-templates', 'lea-officials', 4, 'lea-o-4', 'Rondvraag en afsluiting', 'Any other business and close', false),
    ('agenda-templates', 'oogo-governance', 1, 'oogo-g-1', 'Opening en mededelingen', 'Opening and announcements', false),
    ('agenda-templates', 'oogo-governance', 2, 'oogo-g-2', 'Stand van zaken uitvoeringsprogramma Jeugd en Onderwijs. Denk aan: leerlingenvervoer, leerplicht/-recht, dyslexie, doorgaande ontwikkellijn, onderwijshuisvesting, arbeidsmarktkrapte, doorstroom naar S(B)O', 'Progress of the Youth and Education programme. Think of: pupil transport, compulsory education, dyslexia, continuous development line, school buildings, labour shortage, transfer to special education', false),
    ('agenda-templates', 'oogo-governance', 3, 'oogo-g-3', 'Samenwerking/verbinding: ondersteuningsstructuur jonge kind (12-), routekaart; rol- en taakduidelijkheid en regie; doorstroom v(s)o/praktijkonderwijs naar mbo; rol van zorg en ondersteuning bij het voorkomen van voortijdig schoolverlaten', 'Collaboration: support structure for young children (under 12), route map; clarity of roles and direction; transfer from (special) secondary and practical education to mbo; role of care and support in preventing early school leaving', false),
    ('agenda-templates', 'oogo-governance', 4, 'oogo-g-4', 'Rondvraag en afsluiting', 'Any other business and close', false),
    ('oogo-topics', 'T', 1, 'T01', 'Preventie en basisondersteuning', 'Prevention and basic support', false),
    ('oogo-topics', 'T', 2, 'T02', 'Signalering', 'Signalling', false),
    ('oogo-topics', 'T', 3, 'T03', 'Integrale beoordeling en analyse', 'Integrated assessment and analysis', false),
    ('oogo-topics', 'T', 4, 'T04', 'Integraal arrangeren en toewijzen van extra ondersteuning in onderwijs en jeugdhulp', 'Integrated arranging and allocation of extra support in education and youth care', false),
    ('oogo-topics', 'T', 5, 'T05', 'Bieden van extra ondersteuning in onderwijs, jeugdhulp en/of gezinsondersteuning', 'Delivering extra support in education, youth care and/or family support', false),
    ('oogo-topics', 'T', 6, 'T06', 'Onderwijshuisvesting', 'School buildings', false),
    ('oogo-topics', 'T', 7, 'T07', 'Leerlingenvervoer', 'Pupil transport', false),
    ('oogo-topics', 'T', 8, 'T08', 'Leerplicht en thuiszitters', 'Leerplicht and thuiszitters', false),
    ('oogo-topics', 'T', 9, 'T09', 'Arbeidstoeleiding voor kwetsbare jongeren', 'Routes to work for vulnerable young people', false),
    ('oogo-topics', 'T', 10, 'T10', 'Doorgaande onderwijs- en ontwikkelingslijnen in onderwijs en jeugdhulp', 'Continuous learning and development lines in education and youth care', false),
    ('interpretation-questions', 'Q', 1, 'recognise', 'Herkennen we het beeld uit de cijfers?', 'Do we recognise the picture from the numbers?', false),
    ('interpretation-questions', 'Q', 2, 'explain', 'Hoe kunnen we dit verklaren?', 'How do we explain it?', false),
    ('interpretation-questions', 'Q', 3, 'opinion', 'Wat vinden we ervan?', 'What do we think of it?', false),
    ('interpretation-questions', 'Q', 4, 'improve', 'Wat zijn mogelijkheden voor verbetering?', 'What can improve?', false)
  ) AS v(fkey, ecode, position, code, nl, en, derived) ON v.fkey = f.key AND v.ecode = e.code;
