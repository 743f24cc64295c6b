-- Plain-language wording of assessment frameworks for families (issue 18): a parent or young
-- person answering a self-assessment round reads plain Dutch (B1) or English, not the
-- professionals' wording of the source. It is a second rendering of the same indicator (what is
-- measured does not change, codes and results stay comparable), so version 1 is completed in
-- place rather than versioned anew. NULL: families read the professional wording.
-- The frameworks tables are reference tables; the columns have no constraint.

ALTER TABLE partnership_framework_elements ADD COLUMN plain_nl text;
ALTER TABLE partnership_framework_elements ADD COLUMN plain_en text;
ALTER TABLE partnership_framework_items ADD COLUMN plain_nl text;
ALTER TABLE partnership_framework_items ADD COLUMN plain_en text;

UPDATE partnership_framework_elements e
   SET plain_nl = v.nl, plain_en = v.en
  FROM partnership_frameworks f,
       (VALUES
         ('six-elements', 'E1', 'Samen hetzelfde doel', 'One shared aim'),
         ('six-elements', 'E2', 'Goed samenwerken', 'Working well together'),
         ('six-elements', 'E3', 'Duidelijke afspraken', 'Clear agreements'),
         ('six-elements', 'E4', 'Leren en beter worden', 'Learning and improving'),
         ('six-elements', 'E5', 'Regels en geld die helpen', 'Rules and money that help'),
         ('six-elements', 'E6', 'Samen één netwerk', 'One network together'),
         ('success-conditions', 'S1', 'Samen hetzelfde doel', 'One shared aim'),
         ('success-conditions', 'S2', 'Wie doet wat', 'Who does what'),
         ('success-conditions', 'S3', 'Kennis en samen leren', 'Knowledge and learning together'),
         ('success-conditions', 'S4', 'Praten en delen', 'Talking and sharing'),
         ('success-conditions', 'S5', 'Elkaar kennen en vertrouwen', 'Knowing and trusting each other'),
         ('success-conditions', 'S6', 'Kijken wat beter kan', 'Seeing what can be better'),
         ('success-conditions', 'S7', 'Bouwen op wat er al is', 'Building on what is already there'),
         ('success-conditions', 'S8', 'Tijd en geld', 'Time and money')
       ) AS v(fkey, code, nl, en)
 WHERE f.id = e.framework_id AND f.key = v.fkey AND f.version = 1 AND f.partnership_id IS NULL AND e.code = v.code;

-- The same statements as the source (seeds/001 Reflectiekader; seeds/003 Smeets & Van Veen), in
-- everyday words. "Ze" are the people of school, care, support and the municipality, as the screen says.
UPDATE partnership_framework_items i
   SET plain_nl = v.nl, plain_en = v.en
  FROM partnership_framework_elements e, partnership_frameworks f,
       (VALUES
         ('six-elements', 'E1.1', 'School, zorg en hulp kijken samen naar het hele kind, niet ieder alleen naar een stukje.',
           'School, care and support look at the whole child together, not each at just one part.'),
         ('six-elements', 'E1.2', 'Ze werken samen mét kinderen en ouders. Ze gaan uit van wat het gezin wil en nodig heeft.',
           'They work together with children and parents. They start from what the family wants and needs.'),
         ('six-elements', 'E1.3', 'Er is op tijd hulp, dichtbij en in het gewone leven: op school, thuis en in de buurt. Zo wordt een probleem niet groter.',
           'Help comes in time, close by and in ordinary life: at school, at home and in the neighbourhood. That way a problem does not grow.'),
         ('six-elements', 'E2.1', 'De mensen van school, zorg en hulp vertrouwen elkaar.',
           'The people from school, care and support trust each other.'),
         ('six-elements', 'E2.2', 'Er is iemand die de mensen bij elkaar brengt en de samenwerking trekt.',
           'Someone brings the people together and leads the way in working together.'),
         ('six-elements', 'E2.3', 'Iedereen weet wie wat doet. Ook wat ouders doen en kunnen.',
           'Everyone knows who does what. Also what parents do and can do.'),
         ('six-elements', 'E2.4', 'Leerkrachten, hulpverleners en andere professionals werken echt samen, ook in hun gewone werk van elke dag.',
           'Teachers, care workers and other professionals really work together, also in their ordinary daily work.'),
         ('six-elements', 'E2.5', 'Ze begrijpen elkaar en gebruiken dezelfde woorden. Woorden die ouders en kinderen ook snappen.',
           'They understand each other and use the same words. Words that parents and children understand too.'),
         ('six-elements', 'E2.6', 'Ze komen zelf in actie en zoeken het gezin op. Het gezin hoeft niet steeds zelf aan de bel te trekken.',
           'They take action themselves and reach out to the family. The family does not always have to ask first.'),
         ('six-elements', 'E3.1', 'De gemeente, de scholen en de jeugdhulp hebben samen goede afspraken gemaakt, voor lange tijd.',
           'The municipality, the schools and youth care have made good agreements together, for a long time.'),
         ('six-elements', 'E3.2', 'De mensen die met het gezin praten, mogen ook beslissen. Het gezin hoeft niet te wachten op iemand anders.',
           'The people who talk with the family may also decide. The family does not have to wait for someone else.'),
         ('six-elements', 'E3.3', 'De organisaties zeggen niet alleen hetzelfde, ze doen het ook: ze regelen de leiding en het geld zo dat samenwerken lukt.',
           'The organisations do not only say the same thing, they act on it: they arrange leadership and money so that working together works.'),
         ('six-elements', 'E3.4', 'De gemeente en de besturen hebben de samenwerking vastgelegd, zodat die blijft.',
           'The municipality and the boards have laid down the collaboration, so that it lasts.'),
         ('six-elements', 'E4.1', 'Ze houden bij of de afspraken die ze samen maakten, ook echt gebeuren.',
           'They keep track of whether the agreements they made together really happen.'),
         ('six-elements', 'E4.2', 'Ze gebruiken cijfers en feiten om te zien wat goed gaat en wat beter kan.',
           'They use numbers and facts to see what goes well and what can be better.'),
         ('six-elements', 'E4.3', 'Ze vragen ouders, jongeren en professionals geregeld hoe het gaat, en praten daar samen over. Zoals met deze vragenlijst.',
           'They regularly ask parents, young people and professionals how things are going, and talk about it together. Like with this questionnaire.'),
         ('six-elements', 'E5.1', 'Het geld voor school, zorg en hulp kan samen worden ingezet. Hulp stopt niet omdat het geld uit een ander potje moet komen.',
           'The money for school, care and support can be used together. Help does not stop because the money has to come from another budget.'),
         ('six-elements', 'E5.2', 'Ze zoeken samen uit welke wetten en regels gelden, zodat regels de hulp niet in de weg zitten.',
           'They work out together which laws and rules apply, so that rules do not get in the way of help.'),
         ('six-elements', 'E5.3', 'Zo weinig mogelijk kinderen horen dat ze niet naar school hoeven (een vrijstelling). Eerst zoeken ze samen naar een school die past.',
           'As few children as possible are told they do not have to go to school (an exemption). First they look together for a school that fits.'),
         ('six-elements', 'E5.4', 'De inspecties voor onderwijs en voor zorg werken samen, zodat school en zorg beter op elkaar aansluiten.',
           'The inspectorates for education and for care work together, so that school and care fit together better.'),
         ('six-elements', 'E5.5', 'Ook als school, zorg en gemeente elk over een ander gebied gaan, werken ze goed samen.',
           'Even when school, care and municipality each cover a different area, they work well together.'),
         ('six-elements', 'E6.1', 'Verschillende organisaties werken samen aan één doel voor kinderen, naast hun eigen werk.',
           'Different organisations work together on one goal for children, next to their own work.'),
         ('six-elements', 'E6.2', 'Ze bedenken de aanpak samen. Ook met organisaties buiten hun eigen vak.',
           'They make the approach together. Also with organisations outside their own field.'),
         ('success-conditions', 'S1', 'School, zorg en gemeente willen samen hetzelfde bereiken, bijvoorbeeld problemen voorkomen. Daar gaan ze van uit in wat ze doen.',
           'School, care and municipality want to reach the same thing together, for example preventing problems. That is where they start from in what they do.'),
         ('success-conditions', 'S2', 'Het is duidelijk wie wat doet. De mensen die meepraten, mogen ook beslissen.',
           'It is clear who does what. The people who take part in the talks may also decide.'),
         ('success-conditions', 'S3', 'De professionals weten veel van hun vak en leren samen bij.',
           'The professionals know their job well and keep learning together.'),
         ('success-conditions', 'S4', 'Ze praten goed met elkaar en delen de informatie die nodig is.',
           'They talk well with each other and share the information that is needed.'),
         ('success-conditions', 'S5', 'Ze kennen elkaar en weten wat de ander kan. Ze vertrouwen elkaar en verwachten niet te veel of te weinig van elkaar.',
           'They know each other and what the other can do. They trust each other and expect neither too much nor too little of each other.'),
         ('success-conditions', 'S6', 'Ze kijken geregeld of het goed gaat, en veranderen iets als het beter kan.',
           'They check regularly whether things go well, and change things when they can be better.'),
         ('success-conditions', 'S7', 'Ze bouwen verder op samenwerking en netwerken die er al zijn.',
           'They build on collaboration and networks that already exist.'),
         ('success-conditions', 'S8', 'Er is genoeg tijd en geld om samen te werken.',
           'There is enough time and money to work together.')
       ) AS v(fkey, code, nl, en)
 WHERE e.id = i.element_id AND f.id = e.framework_id AND f.key = v.fkey AND f.version = 1 AND f.partnership_id IS NULL AND i.code = v.code;
