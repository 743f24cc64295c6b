/**
 * Issue 8 (web): the policy maker walks stage 4 of the travel guide, designs a meeting
 * table with the seven questions that reports to the governance table, and records a
 * decision and an action owned by the SWV coordinator; she sees it under "Mijn acties".
 */
import { login, type JourneyContext } from '../support.ts';

export const name = 'partners workspace: travel guide, a new meeting table, and an action on another partner\'s list';

const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export async function run(ctx: JourneyContext): Promise<void> {
  const { page, baseUrl } = ctx;
  await login(page, baseUrl, 'beleid');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Samenwerking' }).click();
  await page.getByRole('heading', { level: 1, name: 'Samenwerking' }).waitFor();
  await page.getByRole('link', { name: 'Samen Rondeel' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Samen Rondeel' }).waitFor();
  await page.getByText(/punten om op te letten$/).waitFor();
  await page.getByText(/rust op één persoon \(Lars Leerplicht\) zonder vervanger/).waitFor();
  const sub = page.getByRole('navigation', { name: 'Onderdelen van de samenwerking' });

  // Partner map search.
  await sub.getByRole('link', { name: 'Partnerkaart' }).click();
  await page.getByLabel('Zoek op naam, organisatie of onderwerp').fill('thuiszitters');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await page.getByRole('heading', { name: "Partnerkaart: gevonden voor 'thuiszitters'" }).waitFor();
  await page.getByText('Sophie Samenwerkingsverband', { exact: true }).waitFor();

  // Self-assessment: small groups are not shown.
  await sub.getByRole('link', { name: 'Zelfevaluatie' }).click();
  await page.getByRole('cell', { name: 'te weinig antwoorden' }).first().waitFor();

  // Travel guide, stage 4.
  await sub.getByRole('link', { name: 'Reisgids' }).click();
  const stage = page.locator('details#stage-G4');
  await stage.locator('summary').click();
  await stage.getByText(/— 8 van 8 klaar \(100%\)/).waitFor();
  const duration = stage.getByLabel('De duur: hoe lang komen we bij elkaar?');
  await duration.click();
  await stage.getByText(/— 7 van 8 klaar \(88%\)/).waitFor();
  await duration.click();
  await stage.getByText(/— 8 van 8 klaar \(100%\)/).waitFor();
  await ctx.axe(page, 'travel guide');
  await stage.getByRole('link', { name: /^Overlegtafels \(\d+\)$/ }).click();

  // Design a meeting table with the seven questions, reporting to the governance table.
  await page.getByRole('heading', { level: 2, name: 'Overlegtafels' }).waitFor();
  await page.getByRole('button', { name: 'Nieuwe overlegtafel ontwerpen' }).click();
  const form = page.getByRole('region', { name: 'Nieuwe overlegtafel ontwerpen' });
  const tableName = 'Thuiszittersoverleg Rondeel';
  await form.getByLabel('Naam van de tafel').fill(tableName);
  await form.getByLabel('Niveau').selectOption({ label: 'Uitvoering' });
  await form.getByLabel('Doel', { exact: true }).fill('Voor elke thuiszitter binnen zes weken een passende plek.');
  await form.getByLabel('Deelnemers', { exact: true }).fill('Leerplicht, SWV, gemeente; school op uitnodiging.');
  await form.getByLabel('Onderwerpen', { exact: true }).fill('Thuiszitters en dreigende thuiszitters.');
  await form.getByLabel('Frequentie', { exact: true }).fill('Elke twee weken, online.');
  await form.getByLabel('Duur', { exact: true }).fill('60 minuten');
  await form.getByLabel('Evaluatie', { exact: true }).fill('Elk half jaar');
  await form.getByLabel('Verbinding', { exact: true }).fill('Knelpunten gaan naar het bestuurlijk overleg OOGO.');
  await form.getByLabel('Rapporteert aan').selectOption({ label: 'Bestuurlijk overleg OOGO (Bestuurlijk)' });
  await form.getByLabel('SWV PO Rondeel e.o.').check();
  await form.getByLabel('Leerplicht Regio Rondeel').check();
  await form.getByRole('button', { name: 'Overlegtafel opslaan' }).click();
  await page.getByText(`De overlegtafel ${tableName} is opgeslagen.`).waitFor();

  const card = page.getByRole('region', { name: tableName });
  await card.getByRole('link', { name: 'Bestuurlijk overleg OOGO' }).waitFor();
  await card.getByText('bereikt het bestuur', { exact: true }).waitFor();
  await card.getByRole('button', { name: `Toon overleggen van ${tableName}` }).click();
  await card.getByText('Nog geen overleggen.').waitFor();
  await card.getByLabel('Datum', { exact: true }).fill(isoIn(0));
  await card.getByLabel('Agenda', { exact: true }).fill('Stand van zaken thuiszitters');
  await card.getByRole('button', { name: 'Overleg toevoegen' }).click();
  await card.getByRole('heading', { level: 5, name: /^Overleg van / }).waitFor();
  await card.getByLabel('Besluit', { exact: true }).fill('Het SWV zet voor elke thuiszitter een onderwijszorgconsulent in.');
  await card.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await card.getByText('Het besluit is vastgelegd.').waitFor();
  const actionText = 'Lijst van thuiszitters PO met consulent per kind opstellen';
  await card.getByLabel('Actie (mag leeg)').fill(actionText);
  await card.getByLabel('Wie doet het?').selectOption({ label: 'Sophie Samenwerkingsverband — SWV PO Rondeel e.o.' });
  await card.getByLabel('Uiterlijk klaar').fill(isoIn(21));
  await card.getByRole('button', { name: 'Actie toevoegen' }).click();
  await card.getByText('De actie staat op de takenlijst van Sophie Samenwerkingsverband — SWV PO Rondeel e.o..').waitFor();
  await card.getByText(new RegExp(`^${actionText} — Sophie Samenwerkingsverband`)).waitFor();
  await ctx.axe(page, 'meeting tables');

  // The owner (another organisation) sees it on her task list.
  const swv = await ctx.newPage();
  await login(swv, baseUrl, 'swv');
  const mine = swv.locator('table.rondom-my-actions');
  await mine.getByRole('rowheader', { name: actionText }).waitFor();
  await mine.getByRole('cell', { name: new RegExp(`Samen Rondeel — ${tableName}`) }).waitFor();
}
