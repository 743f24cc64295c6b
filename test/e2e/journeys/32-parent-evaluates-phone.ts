/**
 * Issue 21.6 on a 360×740 phone, keyboard only: the parent fills in their own part of the
 * evaluation of Lotte's plan. Sending it empty shows the error summary with focus on the first
 * question; the sent answer is confirmed, stays theirs and can be changed. The lead reads it.
 */
import { apiGet, expect, login, tabTo, type JourneyContext } from '../support.ts';

export const name = 'issue 21.6: a parent answers their part of the evaluation on a phone, keyboard only; the lead reads it';

export async function run(ctx: JourneyContext): Promise<void> {
  const page = await ctx.newPage({ viewport: { width: 360, height: 740 } });
  await login(page, ctx.baseUrl, 'ouder');
  const lotte = page.getByRole('region', { name: /^Lotte Vlinderhof/ });
  await lotte.getByRole('link', { name: 'Het plan' }).waitFor();
  const href = await lotte.getByRole('link', { name: 'Het plan' }).getAttribute('href');
  const childId = href!.split('/')[2]!;
  await page.goto(`${ctx.baseUrl}/children/${childId}/evaluations`);
  await page.getByRole('heading', { level: 1, name: 'Lotte Vlinderhof' }).waitFor();
  const part = page.getByRole('region', { name: 'Uw deel van de evaluatie' });
  await part.waitFor();
  await ctx.axe(page, 'family evaluation form (phone)');

  // Keyboard only: send it empty first.
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Versturen', 80);
  await page.keyboard.press('Enter');
  await part.getByText('Schrijf op wat goed ging. Eén zin is genoeg.').first().waitFor();
  const focused = await page.evaluate(() => (document.activeElement as HTMLTextAreaElement | null)?.name ?? '');
  expect(focused === 'wentWell', `focus goes to the first wrong field (got "${focused}")`);
  await ctx.axe(page, 'family evaluation with errors (phone)');

  await page.keyboard.type('Lotte gaat weer drie ochtenden per week naar school.');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Meer uitleg van school als het niet lukt.');
  // The radio group: Tab into it, arrow to "Een deel".
  await tabTo(page, (f) => f.tag === 'input' && f.type === 'radio', 10);
  await page.keyboard.press('ArrowDown');
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Versturen', 20);
  await page.keyboard.press('Enter');
  await page.getByText('Uw antwoord is opgeslagen. De professionals kunnen het nu lezen.').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `the page scrolls sideways at 360 px (${overflow} px too wide)`);
  await part.getByRole('button', { name: 'Antwoord bijwerken' }).waitFor();
  await ctx.axe(page, 'family evaluation sent (phone)');

  // The lead of Lotte's network reads it, with who wrote it.
  const view = await apiGet<{ answers: { wentWell: string; relation: string; ordinaryLife: string }[] }>(ctx.baseUrl, 'wijkteam', `/api/v1/children/${childId}/evaluations/family`);
  const mine = view.answers.find((a) => a.wentWell.startsWith('Lotte gaat weer drie ochtenden'));
  expect(mine && mine.relation === 'parent' && mine.ordinaryLife === 'partly', `the lead reads the parent's answer (${JSON.stringify(view.answers)})`);
}
