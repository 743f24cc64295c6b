/**
 * Issue journey 2: the wijkteam professional opens Noor Eikenhout (network without a
 * lead) from the worklist, becomes lead, plans a meeting, records a decision with an
 * action (it appears in the plan), finishes the meeting with a report and shares it.
 */
import { expect, login, type JourneyContext } from '../support.ts';

export const name = 'journey 2: wijkteam becomes lead, holds a meeting and shares the report';

const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export async function run(ctx: JourneyContext): Promise<void> {
  const { page, baseUrl } = ctx;
  await login(page, baseUrl, 'wijkteam');
  const worklist = page.locator('table.rondom-worklist');
  await worklist.getByRole('link', { name: 'Noor Eikenhout' }).click();
  await page.getByRole('heading', { level: 1, name: 'Noor Eikenhout' }).waitFor();
  const sub = page.getByRole('navigation', { name: 'Onderdelen' });

  await sub.getByRole('link', { name: 'Netwerk' }).click();
  await page.getByText(/^(Er is nog geen regisseur\.|De regisseur is Wim Wijkteam\.)/).waitFor();
  if (await page.getByText('Er is nog geen regisseur.').isVisible()) {
    await page.getByLabel('Waarom wordt u regisseur?').fill('Het wijkteam kent het gezin en neemt de regie.');
    await page.getByRole('button', { name: 'Ik word regisseur' }).click();
  }
  await page.getByText('De regisseur is Wim Wijkteam. Die houdt het overzicht.').waitFor();

  await sub.getByRole('link', { name: 'Overleg' }).click();
  await page.getByRole('heading', { level: 4, name: 'Overleg plannen' }).waitFor();
  await page.getByLabel('Datum', { exact: true }).fill(isoIn(2));
  await page.getByLabel('Tijd', { exact: true }).fill('10:00');
  await page.getByLabel('Agenda', { exact: true }).fill('Hoe gaat het met Noor?\nAfspraken en wie wat doet');
  await page.getByLabel(/^Ibrahim Intern — OBS De Kring$/).check();
  await page.getByLabel('Wat zegt of wil het kind zelf? (mag leeg)').fill('Ik wil graag meedoen met voetbal.');
  await page.getByRole('button', { name: 'Overleg plannen' }).click();
  await page.getByText('Het overleg is gepland.').waitFor();

  const card = page.locator('section.rondom-card').filter({ has: page.getByRole('heading', { level: 4, name: /^Overleg op / }) }).first();
  // Presence first: the school is at the table with a mandate, so its decision is binding at once (issue 17).
  await card.getByLabel('Ibrahim Intern is aanwezig').check();
  await card.getByLabel('Wim Wijkteam is aanwezig').check();
  await card.getByRole('button', { name: 'Aanwezigheid en mandaat opslaan' }).click();
  await card.getByText('Aanwezigheid en mandaat zijn opgeslagen.').waitFor();
  await card.getByLabel('Besluit', { exact: true }).fill('Noor gaat twee keer per week naar de voetbalclub.');
  await card.getByLabel('Actie voor het plan (mag leeg)').fill('Aanmelden bij de voetbalclub');
  await card.getByLabel('Wie doet het?').selectOption({ label: 'Ibrahim Intern — OBS De Kring' });
  await card.getByLabel('Wanneer klaar?').fill(isoIn(14));
  await card.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await card.getByText(/De actie „Aanmelden bij de voetbalclub” \(Ibrahim Intern, klaar op .+\) staat nu in het plan, versie \d+\./).waitFor();
  await card.getByText('Noor gaat twee keer per week naar de voetbalclub. (staat als actie in het plan)').waitFor();

  await card.getByLabel('Verslag', { exact: true }).fill('We spraken met Noor, haar ouders en school. Noor gaat naar voetbal. Over zes weken kijken we samen hoe het gaat.');
  await card.getByRole('button', { name: 'Overleg afronden' }).click();
  await card.getByText(/^Gehouden — gehouden op /).waitFor();
  await card.getByRole('button', { name: 'Verslag delen met het gezin' }).click();
  await card.getByText('Het verslag is gedeeld met het gezin.').waitFor();
  await card.getByText(/^Verslag gedeeld op /).waitFor();

  await sub.getByRole('link', { name: 'Plan' }).click();
  await page.getByRole('cell', { name: 'Aanmelden bij de voetbalclub' }).waitFor();
  expect(await page.getByRole('cell', { name: 'Ibrahim Intern (OBS De Kring)' }).count() >= 1, 'the action names its owner');
}
