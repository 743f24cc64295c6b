/** A professional (intern begeleider) logs in with the keyboard only; focus is visible at every stop. */
import { DEMO_PASSWORD, demoEmail, expect, focusIsVisible, tabTo, type JourneyContext } from '../support.ts';

export const name = 'professional logs in with the keyboard only';

export async function run(ctx: JourneyContext): Promise<void> {
  const { page, baseUrl } = ctx;
  await page.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();

  // The first Tab reaches the skip link, and it is visible.
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => document.activeElement?.textContent?.trim());
  expect(skip === 'Naar de inhoud', `the first Tab reaches the skip link (got "${skip}")`);
  expect((await focusIsVisible(page)).visible, 'the skip link shows focus');

  await tabTo(page, (el) => el.tag === 'input' && el.type === 'email');
  await page.keyboard.type(demoEmail('ib'));
  await tabTo(page, (el) => el.tag === 'input' && el.type === 'password');
  await page.keyboard.type(DEMO_PASSWORD);
  await tabTo(page, (el) => el.tag === 'button' && el.text === 'Inloggen');
  await page.keyboard.press('Enter');

  await page.getByRole('heading', { level: 1, name: /^Welkom, / }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Mijn netwerken' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Taken die eraan komen' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Matches' }).waitFor();

  // After login focus is on the page title; the next Tabs reach the links in the main content.
  expect(await page.evaluate(() => document.activeElement?.tagName) === 'H1', 'after login, focus is on the page title');
  await tabTo(page, (el) => el.tag === 'a' && el.text === 'Zoek een jongere');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Jongere zoeken' }).waitFor();
  const focused = await page.evaluate(() => document.activeElement?.tagName);
  expect(focused === 'H1', `after navigating, focus moves to the page title (got ${focused})`);
}
