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

  const younger = kids.items.find((c) => c.givenName !== 'Lotte' && c.birthDate < new Date().toISOString().slice(0, 10));
  if (!younger) throw new Error('the demo parent has no second child');
  const youngerName = `${younger.givenName} ${younger.familyName}`;

  // The youth doctor has a signal for Lotte already (the demo), and a match with Jeugdhulp.
  await login(page, baseUrl, 'jgz');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Signalen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Wie is er nog meer betrokken?' }).waitFor();
  const rowOf = (p: typeof page, who: string) => p.locator('table.rondom-signals tr').filter({ hasText: who });
  await rowOf(page, 'Lotte Vlinderhof').getByRole('cell', { name: 'JGZ GGD Rondeel' }).waitFor();

  // She registers one for Lotte's brother or sister. Nothing filled in first: the summary, and focus on the first wrong field.
  await page.getByRole('button', { name: 'Signaal afgeven' }).click();
  await page.locator('.rondom-error-summary').getByRole('heading', { name: 'Er zijn 3 dingen niet goed ingevuld' }).waitFor();
  await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.name === 'givenName');
  await ctx.axe(page, 'Signalen with the error summary');
  await page.getByLabel('Voornaam').fill(younger.givenName);
  await page.getByLabel('Achternaam').fill(younger.familyName);
  await page.getByLabel('Geboortedatum').fill(younger.birthDate);
  await page.getByLabel('Uw telefoonnummer (mag leeg)').fill('010-1234567');
  await page.getByRole('button', { name: 'Signaal afgeven' }).click();
  await page.getByText(new RegExp(`^Uw signaal voor ${youngerName} staat tot .+\\. Er (is nog geen match|is 1 nieuwe match|zijn \\d+ nieuwe matches)\\.$`)).waitFor();
  await rowOf(page, youngerName).getByRole('cell', { name: 'JGZ GGD Rondeel' }).waitFor();
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
  await lead.getByText(/^Uw signaal voor Lotte Vlinderhof staat tot .+\. Er (is 1 nieuwe match|zijn \d+ nieuwe matches)\.$/).waitFor();
  const jgzMatch = lead.getByText('Jolien Jeugdarts (JGZ GGD Rondeel) is ook betrokken bij Lotte Vlinderhof', { exact: false });
  await jgzMatch.waitFor();
  const overflow = await lead.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `Signalen scrolls sideways at 360 px (${overflow} px too wide)`);
  await ctx.axe(lead, 'match after the second signal (360 px)');

  // The youth doctor's involvement with Lotte ends: she ends that signal; the other stays.
  await page.reload({ waitUntil: 'domcontentloaded' });
  const wimMatch = page.getByText('Wim Wijkteam (Wijkteam Rondeel-Noord) is ook betrokken bij Lotte Vlinderhof', { exact: false });
  await wimMatch.waitFor();
  await page.getByRole('button', { name: 'Signaal voor Lotte Vlinderhof beëindigen' }).click();
  // Asked first; "no" leaves it standing.
  const ask = page.getByRole('group', { name: /^Het signaal voor Lotte Vlinderhof beëindigen\?/ });
  await ask.getByRole('button', { name: 'Nee, laten staan' }).click();
  await page.getByRole('button', { name: 'Signaal voor Lotte Vlinderhof beëindigen' }).click();
  await ctx.axe(page, 'ending a signal: asked first');
  await ask.getByRole('button', { name: 'Ja, beëindigen' }).click();
  await page.getByText('Het signaal voor Lotte Vlinderhof is beëindigd.').waitFor();
  await rowOf(page, 'Lotte Vlinderhof').waitFor({ state: 'detached' });
  await rowOf(page, youngerName).waitFor();
  await wimMatch.waitFor({ state: 'detached' });
  await ctx.axe(page, 'signal ended');
  await lead.reload({ waitUntil: 'domcontentloaded' });
  // The match with Jeugdhulp stays; the one with the JGZ is gone.
  await lead.getByText('Jasper Jeugdhulp (Jeugdhulp De Brug) is ook betrokken bij Lotte Vlinderhof', { exact: false }).waitFor();
  expect(await jgzMatch.count() === 0, 'the match with the JGZ is gone for the lead too');
}
