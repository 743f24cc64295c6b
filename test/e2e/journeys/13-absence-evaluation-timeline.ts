/**
 * Journey 13: the leerplicht officer registers an absence for Lotte Vlinderhof through
 * "Verzuim melden" (search, pick, kind, start date, reason; errors next to the fields)
 * and lands on the new case. The wijkteam professional, lead of Lotte's network,
 * records an evaluation and sees it — and the absence — on the timeline.
 */
import { expect, login, type JourneyContext } from '../support.ts';

export const name = 'journey 13: leerplicht registers an absence; the lead records an evaluation and sees the timeline';

const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export async function run(ctx: JourneyContext): Promise<void> {
  const { page, baseUrl } = ctx;

  // The leerplicht officer: "Verzuim melden" from the worklist.
  await login(page, baseUrl, 'leerplicht');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Werklijst' }).click();
  await page.getByRole('heading', { level: 1, name: 'Werklijst thuiszitters' }).waitFor();
  await page.getByRole('link', { name: 'Verzuim melden' }).click();
  await page.getByRole('heading', { level: 1, name: 'Verzuim melden' }).waitFor();

  // Saving without anything: every field says what is missing, next to it.
  const form = page.getByRole('region', { name: '2. Gegevens van het verzuim' });
  await form.getByRole('button', { name: 'Verzuim melden' }).click();
  await form.getByText('Zoek en kies eerst een jongere.').waitFor();
  await form.getByRole('group', { name: 'Wat voor verzuim is het?' }).getByText('Maak een keuze.').waitFor();

  // Searching needs at least 2 letters.
  const search = page.getByRole('search', { name: '1. Zoek de jongere' });
  await search.getByLabel('Naam van de jongere').fill('L');
  await search.getByRole('button', { name: 'Zoeken' }).click();
  await search.getByText('Typ minstens 2 letters.').waitFor();
  await search.getByLabel('Naam van de jongere').fill('Lotte Vlinder');
  await search.getByRole('button', { name: 'Zoeken' }).click();
  const people = form.getByRole('group', { name: 'Kies de jongere' });
  await people.waitFor();
  await people.getByLabel(/^Lotte Vlinderhof, geboren op /).check();
  await form.getByText('School: Rondeel College. Die nemen we over uit de inschrijving.').waitFor();

  // A date in the future is refused; the choices stay.
  await form.getByRole('group', { name: 'Wat voor verzuim is het?' }).getByLabel(/^Relatief verzuim/).check();
  await form.getByLabel('Sinds wanneer?').fill(isoIn(3));
  await form.getByLabel('Wat is de belangrijkste reden?').selectOption({ label: 'Schoolweigering' });
  await form.getByRole('button', { name: 'Verzuim melden' }).click();
  await form.getByText('Deze datum ligt in de toekomst. Kies vandaag of eerder.').waitFor();
  expect(await form.getByLabel(/^Relatief verzuim/).isChecked(), 'the kind is kept after an error');
  expect(await form.getByLabel(/^Lotte Vlinderhof, geboren op /).isChecked(), 'the young person is kept after an error');
  await ctx.axe(page, 'register absence with errors');

  await form.getByLabel('Sinds wanneer?').fill(isoIn(-3));
  await form.getByRole('button', { name: 'Verzuim melden' }).click();
  await page.getByRole('heading', { level: 1, name: 'Verzuim van Lotte Vlinderhof' }).waitFor();
  expect(/\/worklist\/[0-9a-f-]{36}$/.test(page.url()), `the new case has its own page (got ${page.url()})`);
  const facts = page.locator('dl.rondom-dl');
  await facts.getByText('Relatief verzuim', { exact: true }).first().waitFor();
  await facts.getByText('Schoolweigering', { exact: true }).first().waitFor();
  await facts.getByText('Rondeel College', { exact: false }).first().waitFor();
  await ctx.axe(page, 'new absence case');

  // The wijkteam professional, lead of Lotte's network: an evaluation.
  const wijk = await ctx.newPage();
  await login(wijk, baseUrl, 'wijkteam');
  await wijk.locator('table.rondom-worklist').getByRole('link', { name: 'Lotte Vlinderhof' }).click();
  await wijk.getByRole('heading', { level: 1, name: 'Lotte Vlinderhof' }).waitFor();
  const sub = wijk.getByRole('navigation', { name: 'Onderdelen' });
  await sub.getByRole('link', { name: 'Evaluaties' }).click();
  await wijk.getByRole('heading', { level: 2, name: 'Evaluaties' }).waitFor();
  const evalForm = wijk.getByRole('region', { name: 'Evaluatie vastleggen' });
  await evalForm.getByRole('button', { name: 'Evaluatie opslaan' }).click();
  await evalForm.getByLabel('Wat ging goed?').and(wijk.locator('[aria-invalid="true"]')).waitFor();
  await evalForm.getByRole('group', { name: /^Gebeurt de hulp in het gewone leven/ }).getByText('Maak een keuze.').waitFor();

  const wentWell = 'Lotte gaat weer drie ochtenden per week naar school. De mentor helpt.';
  await evalForm.getByLabel('Datum van het gesprek').fill(isoIn(0));
  await evalForm.getByLabel('Wat ging goed?').fill(wentWell);
  await evalForm.getByLabel('Wat moet anders?').fill('De buikpijn is er nog. De jeugdarts kijkt verder.');
  await evalForm.getByRole('group', { name: /^Gebeurt de hulp in het gewone leven/ }).getByLabel('Voor een deel').check();
  await evalForm.getByRole('group', { name: 'Hoe tevreden is de jongere?' }).getByLabel('4 – tevreden').check();
  await evalForm.getByRole('group', { name: 'Hoe tevreden zijn de ouders?' }).getByLabel('3 – gaat wel').check();
  await ctx.axe(wijk, 'evaluation form filled in');
  await evalForm.getByRole('button', { name: 'Evaluatie opslaan' }).click();
  await wijk.getByText('De evaluatie is opgeslagen.').waitFor();
  const card = wijk.locator('section.rondom-card', { hasText: wentWell });
  await card.getByText('Voor een deel', { exact: true }).waitFor();
  await card.getByText('4 – tevreden', { exact: true }).waitFor();
  await card.getByText('3 – gaat wel', { exact: true }).waitFor();

  // The timeline: newest first, in plain words; "Meer laden" adds older entries.
  await sub.getByRole('link', { name: 'Tijdlijn' }).click();
  await wijk.getByRole('heading', { level: 2, name: 'Tijdlijn' }).waitFor();
  const items = wijk.locator('ol.rondom-timeline > li');
  await items.first().waitFor();
  const firstText = (await items.first().textContent()) ?? '';
  expect(firstText.startsWith('Evaluatie vastgelegd: Voor een deel'), `the newest entry is the evaluation (got "${firstText}")`);
  expect(firstText.includes('Wim Wijkteam'), `the entry says who did it (got "${firstText}")`);
  await wijk.locator('ol.rondom-timeline > li', { hasText: 'Verzuim gemeld: Relatief verzuim' }).waitFor();
  const before = await items.count();
  const more = wijk.getByRole('button', { name: 'Meer laden' });
  if (before >= 25) {
    await more.click();
    await wijk.waitForFunction((n) => document.querySelectorAll('ol.rondom-timeline > li').length > n, before, { timeout: 15_000 });
    const focused = await wijk.evaluate(() => document.activeElement?.matches('ol.rondom-timeline > li') ?? false);
    expect(focused, 'after "Meer laden" the focus is on the first new entry');
  } else {
    expect(await more.count() === 0, 'no "Meer laden" when everything is shown');
  }
  await wijk.getByText('Overleg gepland', { exact: false }).first().waitFor();
  await ctx.axe(wijk, 'timeline');
}
