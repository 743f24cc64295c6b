/**
 * Issue journey 4: a young person of 16 (Sem Merelaar, own account) logs in and
 * sees that they, not their parents, give consent.
 */
import { expect, login, type JourneyContext } from '../support.ts';

export const name = 'young person of 16 sees they give consent themselves';

export async function run(ctx: JourneyContext): Promise<void> {
  const page = await ctx.newPage({ viewport: { width: 360, height: 740 } });
  await login(page, ctx.baseUrl, 'jongere');
  await page.getByRole('heading', { level: 2, name: 'Mijn plan' }).waitFor();
  await page.getByRole('link', { name: 'Wat is er gedeeld' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Jouw pagina' }).waitFor();
  await page.getByRole('heading', { level: 3, name: 'Toestemming' }).waitFor();
  await page.getByText('Vanaf 16 geeft de jongere zelf toestemming. Niet de ouders.').waitFor();
  const who = await page.getByText(/^Toestemming geven: /).textContent();
  expect(who === 'Toestemming geven: Sem Merelaar.', `only Sem gives consent (got "${who}")`);
  await page.getByRole('heading', { level: 3, name: 'Wie heeft gekeken' }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `the page scrolls sideways at 360 px (${overflow} px too wide)`);

  // From 16 Sem decides what his parents see: closing their view asks first, then says what they see now.
  const parents = page.getByRole('region', { name: 'Wat zien je ouders?' });
  await parents.getByText('Nu zien je ouders wie je helpt, je plan en de gesprekken.').waitFor();
  await parents.getByLabel('Alleen dat ik in Rondom sta').check();
  await parents.getByRole('button', { name: 'Keuze opslaan' }).click();
  await parents.getByText('Weet je het zeker?').waitFor();
  await ctx.axe(page, 'young person closes the parents\' view: asked first (phone)');
  await parents.getByRole('button', { name: 'Ja, alleen dat ik in Rondom sta' }).click();
  await parents.getByText('Opgeslagen. Je ouders zien nu alleen dat je in Rondom staat.').waitFor();
  await parents.getByText('Nu zien je ouders alleen dat je in Rondom staat.').waitFor();
  await ctx.axe(page, 'young person closed the parents\' view (phone)');
  // And opens it again (no question asked), so later journeys find the demo as it was.
  await parents.getByLabel('Wie mij helpt, mijn plan en de gesprekken').check();
  await parents.getByRole('button', { name: 'Keuze opslaan' }).click();
  await parents.getByText('Opgeslagen. Je ouders zien weer wie je helpt, je plan en de gesprekken.').waitFor();
}
