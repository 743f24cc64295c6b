/**
 * The platform admin sees the organisations; an empty form shows plain-language
 * errors next to the fields and keeps what was typed; a valid one is saved.
 */
import { expect, login, type JourneyContext } from '../support.ts';

export const name = 'admin sees organisations and adds one';

export async function run(ctx: JourneyContext): Promise<void> {
  const { page, baseUrl } = ctx;
  await login(page, baseUrl, 'admin');
  await page.getByRole('heading', { level: 2, name: 'Beheer' }).waitFor();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Organisaties' }).click();
  await page.getByRole('heading', { level: 1, name: 'Organisaties' }).waitFor();
  await page.getByRole('cell', { name: 'OBS De Kring', exact: true }).waitFor();

  // Submitting without name and type: errors next to the fields; the e-mail typed stays.
  await page.getByLabel('E-mailadres voor contact').fill('info@nieuw.demo.rondom.example');
  await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
  const nameField = page.getByLabel('Naam', { exact: true });
  await page.getByText('Vul dit in.').waitFor();
  await page.getByText('Maak een keuze.').waitFor();
  expect(await nameField.getAttribute('aria-invalid') === 'true', 'the name field is marked invalid');
  const describedBy = (await nameField.getAttribute('aria-describedby')) ?? '';
  const errText = describedBy ? await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent() : '';
  expect(errText === 'Vul dit in.', `the name error is linked to the field (got "${errText}")`);
  expect(await page.getByLabel('E-mailadres voor contact').inputValue() === 'info@nieuw.demo.rondom.example', 'the typed e-mail is kept');

  await page.getByLabel('Soort').selectOption('school');
  await nameField.fill('OBS Het Nieuwe Rondeel');
  await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
  await page.getByText('OBS Het Nieuwe Rondeel is toegevoegd.').waitFor();
  await page.getByRole('cell', { name: 'OBS Het Nieuwe Rondeel', exact: true }).waitFor();

  // The region's agreed period before a family's request for a conversation goes to the coordinator.
  const settings = page.getByRole('region', { name: 'Afspraken van de regio' });
  const daysField = settings.getByLabel('Termijn in dagen');
  expect(await daysField.inputValue() === '14', 'the default period is 14 days');
  await daysField.fill('120');
  await settings.getByRole('button', { name: 'Opslaan' }).click();
  await settings.getByText('Vul een heel getal in van 1 tot en met 90.').first().waitFor();
  await ctx.axe(page, 'region settings with an error');
  await daysField.fill('21');
  await settings.getByRole('button', { name: 'Opslaan' }).click();
  await settings.getByText(/^De termijn voor .+ is nu 21 dagen\.$/).waitFor();
  await daysField.fill('14');
  await settings.getByRole('button', { name: 'Opslaan' }).click();
  await settings.getByText(/^De termijn voor .+ is nu 14 dagen\.$/).waitFor();

  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Gebruikers' }).click();
  await page.getByRole('heading', { level: 1, name: 'Gebruikers' }).waitFor();
  // The list is paged (25 of 260 users in name order, issue 18): the parent's account is found by its address.
  await page.getByLabel('Zoek op naam of e-mailadres').fill('ouder@demo.rondom.example');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await page.getByRole('cell', { name: 'ouder@demo.rondom.example' }).waitFor();
}
