/**
 * A professional changes their password on a phone: the current password is asked again, a
 * wrong one is said next to its field, the new one works at the next login (and is set back
 * afterwards, so the demo logins stay as printed).
 */
import { DEMO_PASSWORD, demoEmail, expect, login, type JourneyContext } from '../support.ts';

export const name = 'a professional changes their password on a phone';

const NEW_PASSWORD = 'Kim-haar-eigen-wachtwoord-7';

async function change(page: import('playwright-core').Page, current: string, next: string): Promise<void> {
  await page.getByLabel('Huidig wachtwoord').fill(current);
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(next);
  await page.getByLabel('Nieuw wachtwoord nog een keer').fill(next);
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
}

export async function run(ctx: JourneyContext): Promise<void> {
  const page = await ctx.newPage({ viewport: { width: 360, height: 740 } });
  await login(page, ctx.baseUrl, 'kinderopvang');
  await page.getByRole('link', { name: 'Mijn account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
  await page.getByText('Kinderopvang Het Nest').waitFor();

  await change(page, 'niet-mijn-wachtwoord', NEW_PASSWORD);
  await page.getByText('Uw huidige wachtwoord klopt niet.').first().waitFor();
  const invalid = await page.getByLabel('Huidig wachtwoord').getAttribute('aria-invalid');
  expect(invalid === 'true', 'the current-password field is marked invalid');

  await change(page, DEMO_PASSWORD, NEW_PASSWORD);
  await page.getByText('Uw wachtwoord is gewijzigd.', { exact: false }).waitFor();
  expect(await page.getByLabel('Huidig wachtwoord').inputValue() === '', 'the form is emptied after the change');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `the page scrolls sideways at 360 px (${overflow} px too wide)`);

  // The new password is the one that works now.
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.getByLabel('E-mailadres').fill(demoEmail('kinderopvang'));
  await page.getByLabel('Wachtwoord', { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('link', { name: 'Mijn account' }).click();
  await change(page, NEW_PASSWORD, DEMO_PASSWORD);
  await page.getByText('Uw wachtwoord is gewijzigd.', { exact: false }).waitFor();
}
