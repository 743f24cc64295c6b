/** A parent logs in on a 360×740 phone viewport and sees their home: their children and what they can open. */
import { expect, login, type JourneyContext } from '../support.ts';

export const name = 'parent logs in on a phone and sees their home';

export async function run(ctx: JourneyContext): Promise<void> {
  const page = await ctx.newPage({ viewport: { width: 360, height: 740 } });
  await login(page, ctx.baseUrl, 'ouder');
  await page.getByRole('heading', { level: 1, name: /^Welkom, / }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Mijn kinderen' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang) === 'nl', 'the page language is Dutch');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `the page scrolls sideways at 360 px (${overflow} px too wide)`);
  // Wait until the children list has loaded (or said it is not available yet).
  await page.locator('main [role="status"]').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
}
