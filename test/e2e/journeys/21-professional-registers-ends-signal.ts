/**
 * "Wie is er nog meer betrokken?": the youth doctor (Jolien Jeugdarts, JGZ) registers a signal for
 * Lotte Vlinderhof on the Signalen page (identity and contact only); the wijkteam's lead (Wim) does
 * the same from Lotte's page on a phone and gets a match with the JGZ; the youth doctor sees her open
 * signal, ends it, and the match is gone for both.
 */
import { apiGet, expect, login, type JourneyContext } from '../support.ts';

export const name = 'signals: a professional registers and ends a "who else is involved" signal';

export async function run(ctx: JourneyContext): Promise<void> {
  const { page, baseUrl } = ctx;
  const kids = await apiGet<{ items: { id: string; givenName: string; familyName: string; birthDate: string }[] }>(baseUrl, 'ouder', '/api/v1/children');
  const lotte = kids.items.find((c) => c.givenName === 'Lotte');
  if (!lotte) throw new Error('the demo parent has no child Lotte');

  await login(page, baseUrl, 'jgz');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Signalen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Wie is er nog meer betrokken?' }).waitFor();
  await page.getByText('U heeft geen open signalen.').waitFor();
  // Nothing filled in: the summary, and focus on the first wrong field.
  await page.getByRole('button', { name: 'Signaal afgeven' }).click();
  await page.locator('.rondom-error-summary').getByRole('heading', { name: 'Er zijn 3 dingen niet goed ingevuld' }).waitFor();
  await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.name === 'givenName');
  await ctx.axe(page, 'Signalen with the error summary');
  await page.getByLabel('Voornaam').fill(lotte.givenName);
  await page.getByLabel('Achternaam').fill(lotte.familyName);
  await page.getByLabel('Geboortedatum').fill(lotte.birthDate);
  await page.getByLabel('Uw telefoonnummer (mag leeg)').fill('010-1234567');
  await page.getByRole('button', { name: 'Signaal afgeven' }).click();
  await page.getByText(/^Uw signaal voor Lotte Vlinderhof staat tot .+\. Er is nog geen match\.$/).waitFor();
  const row = page.locator('table.rondom-signals tr').filter({ hasText: 'Lotte Vlinderhof' });
  await row.getByRole('cell', { name: 'JGZ GGD Rondeel' }).waitFor();
  await ctx.axe(page, 'signal registered');

  // The lead of Lotte's network registers from her page, on a phone: a match with the JGZ.
  const lead = await ctx.newPage({ viewport: { width: 360, height: 740 } });
  await login(lead, baseUrl, 'wijkteam');
  await lead.goto(`${baseUrl}/children/${lotte.id}`, { waitUntil: 'domcontentloaded' });
  await lead.getByRole('link', { name: 'Signaal afgeven voor deze jongere' }).click();
  await lead.getByRole('heading', { level: 1, name: 'Wie is er nog meer betrokken?' }).waitFor();
  // Filled in from Lotte's page.
  await lead.waitForFunction(() => (document.querySelector('input[name="familyName"]') as HTMLInputElement | null)?.value === 'Vlinderhof');
  await lead.getByRole('button', { name: 'Signaal afgeven' }).click();
  await lead.getByText(/^Uw signaal voor Lotte Vlinderhof staat tot .+\. Er is 1 nieuwe match\.$/).waitFor();
  await lead.getByText('Jolien Jeugdarts (JGZ GGD Rondeel) is ook betrokken bij Lotte Vlinderhof — 010-1234567', { exact: false }).waitFor();
  const overflow = await lead.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `Signalen scrolls sideways at 360 px (${overflow} px too wide)`);
  await ctx.axe(lead, 'match after the second signal (360 px)');

  // The youth doctor's involvement ends: she ends her signal.
  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.getByText('Wim Wijkteam (Wijkteam Rondeel-Noord) is ook betrokken bij Lotte Vlinderhof', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Signaal voor Lotte Vlinderhof beëindigen' }).click();
  await page.getByText('Het signaal voor Lotte Vlinderhof is beëindigd.').waitFor();
  await page.getByText('U heeft geen open signalen.').waitFor();
  await page.getByText('Er zijn geen matches.').waitFor();
  await ctx.axe(page, 'signal ended');
  await lead.reload({ waitUntil: 'domcontentloaded' });
  await lead.getByText('Er zijn geen matches.').waitFor();
}
