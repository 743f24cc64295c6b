/**
 * Issue 18 (part 1): the policy maker (Bart Beleid) edits the partners' workspace in the browser.
 * She adds the library, which is not in Rondom yet, as a partner in the outer ring; adds a
 * person there (an empty form shows the error summary and puts focus on the field) with a key
 * portfolio, a mandate and a deputy; records a privacy covenant with its AVG particulars; and
 * sets the state of an OOGO topic. On a phone (360 px) the municipality's coordinator changes the
 * person's phone number; the policy maker's older edit of the same person then meets the
 * ConflictPanel (If-Match) and she saves her version on purpose. Then a funding line and an
 * activity of the programme with its progress, and a meeting of the LEA table from the LEA example
 * agenda. axe at 0 on each page state.
 */
import { expect, login, type JourneyContext } from '../support.ts';

export const name = 'policy maker adds a partner not in Rondom, a person with a portfolio and deputy, a privacy covenant and an OOGO topic state';

export async function run(ctx: JourneyContext): Promise<void> {
  const { page, baseUrl } = ctx;
  const stamp = Date.now().toString(36).slice(-5);
  const library = `Bibliotheek Rondeel ${stamp}`;
  const person = 'Nina Leesconsulent';

  await login(page, baseUrl, 'beleid');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Samenwerking' }).click();
  await page.getByRole('link', { name: 'Samen Rondeel' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Samen Rondeel' }).waitFor();
  const sub = page.getByRole('navigation', { name: 'Onderdelen van de samenwerking' });

  // A partner that is not in Rondom yet: by type and name, in the outer ring.
  await sub.getByRole('link', { name: 'Partnerkaart' }).click();
  await page.getByRole('button', { name: 'Partner toevoegen' }).click();
  const addPartner = page.getByRole('region', { name: 'Partner toevoegen' });
  await addPartner.getByLabel('Organisatie', { exact: true }).waitFor();
  // The form takes the place of its button: focus goes to its first field.
  await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'source');
  await ctx.axe(page, 'add partner form');
  await addPartner.getByLabel('Nee, ik voeg haar toe met soort en naam').check();
  await addPartner.getByRole('button', { name: 'Partner toevoegen' }).click();
  // The NL Design System form pattern: a summary with links, focus on the first wrong field.
  await addPartner.getByRole('heading', { name: 'Er zijn 2 dingen niet goed ingevuld' }).waitFor();
  await addPartner.getByRole('link', { name: 'Naam van de organisatie: Vul dit in.' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'type');
  await ctx.axe(page, 'add partner form with errors');
  await addPartner.getByLabel('Soort organisatie').selectOption({ label: 'Bibliotheek' });
  await addPartner.getByLabel('Naam van de organisatie').fill(library);
  await addPartner.getByLabel('Buitenste ring: betrokken als het nodig is').check();
  await addPartner.getByLabel('Rol in de samenwerking').fill('Leesbevordering en taalcoaches voor gezinnen');
  await addPartner.getByRole('button', { name: 'Partner toevoegen' }).click();
  await page.getByText(`${library} is toegevoegd als partner.`).waitFor();
  const card = page.getByRole('region', { name: library, exact: true });
  await card.getByText('Bibliotheek — Leesbevordering en taalcoaches voor gezinnen').waitFor();

  // A person at the library: the card's one button opens its editing.
  await card.getByRole('button', { name: `${library}: mensen en gegevens bewerken` }).click();
  await card.getByRole('button', { name: `Persoon toevoegen bij ${library}` }).click();
  const addPerson = card.getByRole('region', { name: `Persoon toevoegen bij ${library}` });
  await addPerson.getByRole('button', { name: 'Persoon toevoegen' }).click();
  await addPerson.getByRole('link', { name: 'Naam: Vul dit in.' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'name');
  await addPerson.getByLabel('Naam', { exact: true }).fill(person);
  await addPerson.getByLabel('Functie').fill('Leesconsulent onderwijs');
  await addPerson.getByLabel('E-mailadres').fill('nina@bieb.example');
  await addPerson.getByLabel('Telefoonnummer').fill('030 123 45 67');
  await addPerson.getByRole('button', { name: 'Persoon toevoegen' }).click();
  // The confirmation stands in the partner's card, by the focus (not at the top of a long page).
  await card.getByText(`${person} staat op de partnerkaart.`).waitFor();
  // Focus does not fall to the page body: it is back on the button that opened the form.
  await page.waitForFunction((label) => document.activeElement?.textContent === label, `Persoon toevoegen bij ${library}`);
  const mail = card.getByRole('link', { name: 'nina@bieb.example' });
  expect((await mail.getAttribute('href')) === 'mailto:nina@bieb.example', 'the e-mail address is a mailto: link');
  expect((await card.getByRole('link', { name: '030 123 45 67' }).getAttribute('href')) === 'tel:0301234567', 'the phone number is a tel: link');

  // A key portfolio with a mandate and a deputy from another partner.
  await card.getByRole('button', { name: `Portefeuille toevoegen voor ${person}` }).click();
  const addPf = card.getByRole('region', { name: `Portefeuille toevoegen voor ${person}` });
  await addPf.getByLabel('Onderwerp').fill('Laaggeletterdheid');
  await addPf.getByLabel('Verantwoordelijkheden').fill('Taalaanbod voor ouders op school');
  await addPf.getByLabel('Mag besluiten nemen voor de organisatie (mandaat)').check();
  await addPf.getByLabel('Wat valt onder het mandaat?').fill('Inzet taalcoaches tot 20 uur per week');
  await addPf.getByLabel('Vervanger').selectOption({ label: 'Bart Beleid — Gemeente Rondeel' });
  await addPf.getByLabel('Dit is een sleutelportefeuille').check();
  await ctx.axe(page, 'portfolio form');
  await addPf.getByRole('button', { name: 'Portefeuille toevoegen' }).click();
  await page.getByText(`De portefeuille Laaggeletterdheid van ${person} is opgeslagen.`).waitFor();
  await card.getByText('Portefeuille: Laaggeletterdheid (sleutelportefeuille) — mandaat: Inzet taalcoaches tot 20 uur per week — vervanger: Bart Beleid').waitFor();
  await ctx.axe(page, 'partner map after edits');

  // The policy maker opens the person's details to change them (she read version 1)...
  await card.getByRole('button', { name: `Gegevens van ${person} wijzigen` }).click();
  const editPerson = card.getByRole('region', { name: `Gegevens van ${person} wijzigen` });
  await editPerson.getByLabel('Functie').fill('Leesconsulent onderwijs en kinderopvang');

  // ...while the municipality's coordinator, on a phone, changes the phone number.
  const phone = await ctx.newPage({ viewport: { width: 360, height: 740 } });
  await login(phone, baseUrl, 'gemeente');
  await phone.goto(`${new URL(page.url()).origin}${new URL(page.url()).pathname}`, { waitUntil: 'domcontentloaded' });
  const phoneCard = phone.getByRole('region', { name: library, exact: true });
  await phoneCard.getByRole('link', { name: 'nina@bieb.example' }).waitFor();
  await phoneCard.getByRole('button', { name: `${library}: mensen en gegevens bewerken` }).click();
  await phoneCard.getByRole('button', { name: `Gegevens van ${person} wijzigen` }).click();
  const phoneForm = phoneCard.getByRole('region', { name: `Gegevens van ${person} wijzigen` });
  await phoneForm.getByLabel('Telefoonnummer').fill('030 765 43 21');
  await ctx.axe(phone, 'edit person on a phone');
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow <= 0, `the page does not scroll sideways at 360 px (overflow ${overflow} px)`);
  await phoneForm.getByRole('button', { name: 'Opslaan' }).click();
  await phone.getByText(`De gegevens van ${person} zijn opgeslagen.`).waitFor();
  await phoneCard.getByRole('link', { name: '030 765 43 21' }).waitFor();

  // The older edit is refused (409): the ConflictPanel says what changed; she saves her version anyway.
  await editPerson.getByRole('button', { name: 'Opslaan' }).click();
  const conflict = editPerson.getByRole('alert').filter({ hasText: 'Iemand anders heeft dit net veranderd' });
  await conflict.getByRole('rowheader', { name: 'Telefoonnummer' }).waitFor();
  await conflict.getByRole('cell', { name: '030 765 43 21' }).waitFor();
  await ctx.axe(page, 'conflict panel');
  await conflict.getByRole('button', { name: 'Sla mijn versie toch op' }).click();
  await page.getByText(`De gegevens van ${person} zijn opgeslagen.`).waitFor();
  await card.getByText(`${person}, Leesconsulent onderwijs en kinderopvang`, { exact: false }).waitFor();

  // Once more, and this time she takes the other's version, then saves her change on top of it.
  await card.getByRole('button', { name: `Gegevens van ${person} wijzigen` }).click();
  await editPerson.getByLabel('Functie').fill('Leesconsulent');
  await phone.reload({ waitUntil: 'domcontentloaded' });
  await phoneCard.getByRole('button', { name: `${library}: mensen en gegevens bewerken` }).click();
  await phoneCard.getByRole('button', { name: `Gegevens van ${person} wijzigen` }).click();
  await phoneForm.getByLabel('E-mailadres').fill('nina.leesconsulent@bieb.example');
  await phoneForm.getByRole('button', { name: 'Opslaan' }).click();
  await phone.getByText(`De gegevens van ${person} zijn opgeslagen.`).waitFor();
  await editPerson.getByRole('button', { name: 'Opslaan' }).click();
  await conflict.getByRole('cell', { name: 'nina.leesconsulent@bieb.example' }).waitFor();
  await conflict.getByRole('button', { name: 'Neem hun versie (mijn wijziging vervalt)' }).click();
  expect((await editPerson.getByLabel('E-mailadres').inputValue()) === 'nina.leesconsulent@bieb.example', 'their version is in the form');
  await editPerson.getByLabel('Functie').fill('Leesconsulent basisonderwijs');
  await editPerson.getByRole('button', { name: 'Opslaan' }).click();
  await card.getByText(`De gegevens van ${person} zijn opgeslagen.`).waitFor();
  await card.getByRole('link', { name: 'nina.leesconsulent@bieb.example' }).waitFor();
  await card.getByText(`${person}, Leesconsulent basisonderwijs`, { exact: false }).waitFor();

  // A privacy covenant with its AVG particulars.
  await sub.getByRole('link', { name: 'Afspraken' }).click();
  await page.getByRole('button', { name: 'Afspraak vastleggen' }).click();
  const addAgr = page.getByRole('region', { name: 'Afspraak vastleggen' });
  await addAgr.getByLabel('Soort afspraak').selectOption({ label: 'Privacyconvenant' });
  await addAgr.getByRole('button', { name: 'Afspraak opslaan' }).click();
  await addAgr.getByRole('link', { name: 'Titel: Vul dit in.' }).waitFor();
  await addAgr.getByRole('link', { name: 'Partijen: Kies minstens één partij.' }).waitFor();
  await addAgr.getByRole('link', { name: 'Grondslag: Vul dit in.' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'title');
  await ctx.axe(page, 'agreement form with errors');
  const covenant = `Privacyconvenant taalcoaches ${stamp}`;
  await addAgr.getByLabel('Titel').fill(covenant);
  await addAgr.getByLabel('Doel', { exact: true }).fill('Taalcoaches van de bibliotheek werken met gezinnen die de school aanmeldt.');
  await addAgr.getByLabel('Stand').selectOption({ label: 'geldig' });
  await addAgr.getByLabel('Gemeente Rondeel', { exact: true }).check();
  await addAgr.getByLabel(library, { exact: true }).check();
  await addAgr.getByLabel('Doelen').fill('Taalcoach koppelen aan een gezin\nVoortgang terugkoppelen aan school');
  await addAgr.getByLabel('Soorten gegevens').fill('Naam en contactgegevens ouder\nVoorkeurstaal');
  await addAgr.getByLabel('Grondslag').fill('Toestemming van de ouder (AVG artikel 6 lid 1a)');
  await addAgr.getByLabel('Bewaartermijn').fill('Tot een jaar na het einde van de begeleiding');
  await addAgr.getByLabel('Rol van Gemeente Rondeel').selectOption({ label: 'verwerkingsverantwoordelijke' });
  await addAgr.getByLabel(`Rol van ${library}`).selectOption({ label: 'ontvanger' });
  await addAgr.getByRole('button', { name: 'Afspraak opslaan' }).click();
  await page.getByText(`De afspraak ${covenant} is opgeslagen.`).waitFor();
  const agr = page.getByRole('region', { name: covenant, exact: true });
  await agr.getByText(`${library}: ontvanger`, { exact: false }).waitFor();
  await agr.getByText('Tot een jaar na het einde van de begeleiding').waitFor();

  // A commitment, comply or explain: "done differently" needs an explanation.
  await agr.getByRole('button', { name: `Toezegging toevoegen bij ${covenant}` }).click();
  const addCommit = agr.getByRole('region', { name: `Toezegging toevoegen bij ${covenant}` });
  await addCommit.getByLabel('Wie zegt het toe?').selectOption({ label: library });
  await addCommit.getByLabel('Wat wordt er gedaan of geïnvesteerd?').fill('Twee taalcoaches per schooljaar');
  await addCommit.getByRole('button', { name: 'Toezegging opslaan' }).click();
  await page.getByText('De toezegging is opgeslagen.').waitFor();
  await agr.getByRole('button', { name: 'Stand bijwerken: Twee taalcoaches per schooljaar' }).click();
  const commitForm = agr.getByRole('region', { name: 'Stand bijwerken: Twee taalcoaches per schooljaar' });
  await commitForm.getByLabel('Stand').selectOption({ label: 'anders gedaan, met uitleg' });
  await commitForm.getByRole('button', { name: 'Opslaan' }).click();
  await commitForm.getByRole('link', { name: 'Uitleg: Leg uit waarom het anders is gedaan.' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'explanation');
  await commitForm.getByLabel('Uitleg').fill('Eén taalcoach dit jaar; de tweede start in januari.');
  await commitForm.getByRole('button', { name: 'Opslaan' }).click();
  await agr.getByText('De stand van de toezegging is opgeslagen.').waitFor();
  await agr.getByText(`${library}: Twee taalcoaches per schooljaar — anders gedaan, met uitleg: Eén taalcoach dit jaar; de tweede start in januari.`).waitFor();

  // The state of one OOGO topic.
  const oogo = page.getByRole('region', { name: 'OOGO Gemeente Rondeel – SWV PO en VO 2026', exact: true });
  await oogo.getByRole('button', { name: 'Stand van een OOGO-onderwerp bijwerken' }).click();
  const oogoForm = oogo.getByRole('region', { name: 'Stand van een OOGO-onderwerp' });
  const topicSelect = oogoForm.getByLabel('Onderwerp');
  await topicSelect.selectOption({ index: 6 });
  const topic = (await topicSelect.locator('option:checked').textContent())?.trim() ?? '';
  expect(topic.length > 0, 'an OOGO topic is chosen');
  await oogoForm.getByLabel('Stand').selectOption({ label: 'afgesproken' });
  await oogoForm.getByLabel('Afspraak').fill(`Vastgelegd op ${stamp}: gezamenlijke aanpak in het OOGO-verslag`);
  await ctx.axe(page, 'OOGO topic form');
  await oogoForm.getByRole('button', { name: 'Opslaan' }).click();
  await oogo.getByText(`De stand van ${topic} is opgeslagen.`).waitFor();
  const row = oogo.getByRole('row').filter({ has: page.getByRole('rowheader', { name: topic, exact: true }) });
  await row.getByRole('cell', { name: 'afgesproken' }).waitFor();
  await row.getByRole('cell', { name: new RegExp(`Vastgelegd op ${stamp}`) }).waitFor();
  await ctx.axe(page, 'agreements after edits');

  // A funding line for the library: an amount that is not one is refused at the field.
  await page.getByRole('button', { name: 'Financiering toevoegen' }).click();
  const addFunding = page.getByRole('region', { name: 'Financiering toevoegen' });
  await addFunding.getByLabel('Wie betaalt').selectOption({ label: library });
  await addFunding.getByLabel('Waarvoor').fill(`Taalcoaches ${stamp}`);
  await addFunding.getByLabel('Bedrag per jaar in euro').fill('twaalfduizend');
  await addFunding.getByLabel('Vanaf').fill(new Date().toISOString().slice(0, 10));
  await addFunding.getByRole('button', { name: 'Financiering opslaan' }).click();
  await addFunding.getByRole('link', { name: 'Bedrag per jaar in euro: Vul een bedrag in, zoals 25.000.' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'amount');
  await addFunding.getByLabel('Bedrag per jaar in euro').fill('12.500');
  await addFunding.getByRole('button', { name: 'Financiering opslaan' }).click();
  await page.getByText(`De financiering voor Taalcoaches ${stamp} is opgeslagen.`).waitFor();
  const line = page.getByRole('row').filter({ hasText: `Taalcoaches ${stamp}` });
  await line.getByRole('cell', { name: /^€\s12\.500$/ }).waitFor();
  await line.getByRole('cell', { name: 'gebundeld' }).waitFor();

  // The programme: an activity is added and its progress updated (If-Match).
  await sub.getByRole('link', { name: 'Programma' }).click();
  const prog = page.getByRole('region', { name: 'Uitvoeringsprogramma Jeugd en Onderwijs Rondeel 2026–2027', exact: true });
  const activity = `Taalcoach op elke school ${stamp}`;
  await prog.getByRole('button', { name: 'Activiteit toevoegen aan Uitvoeringsprogramma Jeugd en Onderwijs Rondeel 2026–2027' }).click();
  const addAct = prog.getByRole('region', { name: 'Activiteit toevoegen aan Uitvoeringsprogramma Jeugd en Onderwijs Rondeel 2026–2027' });
  await addAct.getByLabel('Activiteit', { exact: true }).fill(activity);
  await addAct.getByRole('button', { name: 'Activiteit opslaan' }).click();
  await page.getByText(`De activiteit ${activity} is opgeslagen.`).waitFor();
  await prog.getByRole('button', { name: `Voortgang bijwerken: ${activity}` }).click();
  const upd = prog.getByRole('region', { name: `Voortgang bijwerken: ${activity}` });
  await upd.getByLabel('Stand').selectOption({ label: 'loopt' });
  await upd.getByLabel('Voortgang in procent').fill('140');
  await upd.getByRole('button', { name: 'Opslaan' }).click();
  await upd.getByRole('link', { name: 'Voortgang in procent: Vul een getal van 0 tot en met 100 in.' }).waitFor();
  await upd.getByLabel('Voortgang in procent').fill('40');
  await ctx.axe(page, 'activity form');
  await upd.getByRole('button', { name: 'Opslaan' }).click();
  await prog.getByText(`De voortgang van ${activity} is opgeslagen.`).waitFor();
  const actRow = prog.getByRole('row').filter({ has: page.getByRole('rowheader', { name: activity, exact: true }) });
  await actRow.getByRole('cell', { name: '40%' }).waitFor();
  await actRow.getByRole('cell', { name: 'loopt' }).waitFor();
  await ctx.axe(page, 'programme after edits');

  // A meeting of the LEA table planned from the LEA example agenda: its points fill the agenda.
  await sub.getByRole('link', { name: 'Overlegtafels' }).click();
  const lea = page.getByRole('region', { name: 'Ambtelijk overleg LEA', exact: true });
  await lea.getByRole('button', { name: 'Toon overleggen van Ambtelijk overleg LEA' }).click();
  const plan = lea.getByRole('form', { name: 'Nieuw overleg voor Ambtelijk overleg LEA' });
  await plan.getByLabel('Voorbeeldagenda').selectOption({ label: 'Voorbeeldagenda ambtelijk overleg (werkgroep)' });
  const agenda = (await plan.getByLabel('Agenda', { exact: true }).inputValue()).split('\n').filter(Boolean);
  expect(agenda.length >= 3, `the example agenda fills the agenda (got ${agenda.length} points)`);
  const day = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  await plan.getByLabel('Datum', { exact: true }).fill(day);
  await ctx.axe(page, 'meeting from an example agenda');
  await plan.getByRole('button', { name: 'Overleg toevoegen' }).click();
  const held = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${day}T12:00:00`));
  const planned = lea.getByRole('region', { name: `Overleg van ${held}` });
  await planned.getByText(agenda[0]!, { exact: true }).waitFor();
}
