/**
 * A parent raises a question about their child from their own home, on a phone, keyboard only:
 * Lotte's card has "Een vraag stellen"; an empty send puts focus on the question with the error
 * summary above; the question goes in their own name (the server records it as the parent's), and
 * the answer says who reads it (the regisseur). Focus is visible at every stop.
 */
import { DEMO_PASSWORD, apiGet, demoEmail, expect, focusIsVisible, tabTo, type JourneyContext } from '../support.ts';

export const name = 'a parent asks a question about their child from their home (keyboard only, 360 px)';

export async function run(ctx: JourneyContext): Promise<void> {
  const { baseUrl } = ctx;
  const page = await ctx.newPage({ viewport: { width: 360, height: 740 } });
  await page.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  await tabTo(page, (el) => el.tag === 'input' && el.type === 'email');
  await page.keyboard.type(demoEmail('ouder'));
  await tabTo(page, (el) => el.tag === 'input' && el.type === 'password');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: /^Welkom, / }).waitFor();
  await page.getByRole('heading', { level: 3, name: /^Lotte Vlinderhof/ }).waitFor();
  await ctx.axe(page, 'parent home (360 px)');

  // "Een vraag stellen" on Lotte's card (each child has one).
  let onLotte = false;
  for (let i = 0; i < 4 && !onLotte; i++) {
    await tabTo(page, (el) => el.tag === 'a' && el.text === 'Een vraag stellen', 60);
    onLotte = await page.evaluate(() => document.activeElement?.closest('section')?.querySelector('h3')?.textContent?.startsWith('Lotte') ?? false);
  }
  expect(onLotte, "reached Lotte's 'Een vraag stellen' by keyboard");
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Lotte Vlinderhof' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Een vraag stellen' }).waitFor();
  const childId = /\/children\/([^/]+)\/question/.exec(page.url())?.[1] ?? '';
  expect(childId, 'the question page names the child');

  // Sending an empty question: the summary says what is missing, focus goes to the question.
  await tabTo(page, (el) => el.tag === 'button' && el.text === 'Vraag versturen', 60);
  await page.keyboard.press('Enter');
  await page.locator('.rondom-error-summary').getByRole('heading', { name: 'Er zijn 2 dingen niet goed ingevuld' }).waitFor();
  await page.waitForFunction(() => (document.activeElement as HTMLTextAreaElement | null)?.name === 'text');
  const focus = await focusIsVisible(page);
  expect(focus.visible, `focus is not visible on ${focus.description}`);
  await ctx.axe(page, 'question with the error summary (360 px)');

  const text = 'Lotte slaapt slecht sinds ze weer naar school gaat. Wij willen graag weten wat we thuis kunnen doen.';
  await page.keyboard.type(text);
  await tabTo(page, (el) => el.tag === 'input' && el.label === 'Thuis');
  await page.keyboard.press('Space');
  await tabTo(page, (el) => el.tag === 'input' && el.label === 'Gezondheid');
  await page.keyboard.press('Space');
  await tabTo(page, (el) => el.tag === 'button' && el.text === 'Vraag versturen');
  await page.keyboard.press('Enter');
  await page.getByText(/^Uw vraag is verstuurd\. .+ is de regisseur en leest uw vraag\. Die neemt contact met u op\.$/).waitFor();
  expect(await page.locator('.rondom-error-summary').count() === 0, 'the summary is gone once the question is sent');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `the question page scrolls sideways at 360 px (${overflow} px too wide)`);
  await ctx.axe(page, 'question sent (360 px)');

  // The network holds it as the parent's own question, in their own words.
  const net = await apiGet<{ questions: { text: string; raisedBy: string; ownWords: boolean; lifeDomains: string[] }[] }>(baseUrl, 'ouder', `/api/v1/children/${childId}/network`);
  const mine = net.questions.find((q) => q.text === text);
  expect(mine && mine.raisedBy === 'parent' && mine.ownWords && mine.lifeDomains.join() === 'home,health', 'the question is recorded as the parent\'s, in their own words');
}
