/**
 * Issue 18: a parent answers the self-assessment round on a phone (360 px), keyboard only. The
 * home says a questionnaire waits; the questionnaire reads in plain words (not the source's
 * "Eén verhaal; een kind laat zich immers niet opdelen in domeinen"), one part at a time; going on
 * without answering names what is missing and puts focus on the first question; "Weet ik niet" is
 * an answer that is not sent. After sending, a confirmation stays on screen; the round counts one
 * more answer and a second answer is refused.
 */
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, apiGet, apiSession, demoEmail, expect, focusIsVisible, tabTo, type JourneyContext } from '../support.ts';

export const name = 'a parent answers a self-assessment round on a phone (keyboard only, 360 px)';

const ROUND = 'Zelfevaluatie samenwerking najaar';
interface Round { id: string; title: string; responded: number }

const activeName = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');

/**
 * Answers every question of the part on screen with the keyboard: Tab into each radio group, Space
 * picks the first option, arrows move the choice. Focus starts before the first group or on it.
 * `pick(n)` says how many ArrowDown presses after Space (−1: ArrowUp once, which wraps to "Weet ik niet").
 */
async function answerPart(page: Page, pick: (n: number) => number, focusOnFirst = false): Promise<number> {
  let answered = 0;
  let last = '';
  for (;;) {
    if (!(focusOnFirst && answered === 0)) {
      await tabTo(page, (el) => (el.tag === 'input' && el.type === 'radio') || (el.tag === 'button' && /^(Volgende deel|Antwoorden versturen)$/.test(el.text)), 20);
    }
    const focused = await page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? '');
    if (focused === 'button') return answered;
    const now = await activeName(page);
    if (now === last) continue;
    last = now;
    await page.keyboard.press('Space');
    const presses = pick(answered);
    if (presses < 0) await page.keyboard.press('ArrowUp');
    for (let i = 0; i < presses; i++) await page.keyboard.press('ArrowDown');
    answered++;
  }
}

export async function run(ctx: JourneyContext): Promise<void> {
  const { baseUrl } = ctx;
  const beleid = await apiSession(baseUrl, 'beleid');
  const [ws] = await beleid.get<{ id: string; name: string }[]>('/api/v1/partnerships');
  const roundsBefore = (await beleid.get<{ rounds: Round[] }>(`/api/v1/partnerships/${ws!.id}/rounds`)).rounds;
  const round = roundsBefore.find((r) => r.title === ROUND);
  expect(round, 'the demo has the open autumn round');

  const page = await ctx.newPage({ viewport: { width: 360, height: 740 } });
  await page.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  await tabTo(page, (el) => el.tag === 'input' && el.type === 'email');
  await page.keyboard.type(demoEmail('ouder'));
  await tabTo(page, (el) => el.tag === 'input' && el.type === 'password');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: /^Welkom, / }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Vragenlijst' }).waitFor();
  await page.getByText('Er staat een vragenlijst voor u klaar over hoe school, zorg en gemeente samenwerken.').waitFor();
  await ctx.axe(page, 'parent home with a questionnaire (360 px)');
  await tabTo(page, (el) => el.tag === 'a' && el.text === 'Naar de vragenlijst', 80);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Vragenlijst' }).waitFor();

  // One questionnaire opens at once; with several, the parent picks this round's.
  await page.getByRole('heading', { level: 2, name: ROUND }).or(page.getByRole('heading', { level: 3, name: ROUND })).first().waitFor();
  if (await page.getByRole('heading', { level: 3, name: ROUND }).count()) {
    let onRound = false;
    for (let i = 0; i < 6 && !onRound; i++) {
      await tabTo(page, (el) => el.tag === 'button' && el.text === 'Vragenlijst invullen', 40);
      onRound = await page.evaluate((t) => document.activeElement?.closest('section')?.querySelector('h3')?.textContent === t, ROUND);
    }
    expect(onRound, 'reached this round\'s button by keyboard');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: ROUND }).waitFor();
  }
  await page.getByRole('heading', { level: 3, name: 'Deel 1 van 6: Samen hetzelfde doel' }).waitFor();
  await page.getByText('School, zorg en hulp kijken samen naar het hele kind, niet ieder alleen naar een stukje.').waitFor();
  expect(await page.getByText('een kind laat zich immers niet opdelen in domeinen', { exact: false }).count() === 0, 'the parent does not read the professionals\' wording');
  await page.getByText('Uw antwoorden zijn anoniem: we bewaren ze zonder uw naam. U kunt de vragenlijst één keer versturen.').waitFor();
  await ctx.axe(page, 'questionnaire part 1 (360 px)');
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(wide <= 0, `the questionnaire scrolls sideways at 360 px (${wide} px too wide)`);

  // Going on without answers: the summary names the three questions, focus on the first.
  await tabTo(page, (el) => el.tag === 'button' && el.text === 'Volgende deel', 60);
  await page.keyboard.press('Enter');
  await page.locator('.rondom-error-summary').getByRole('heading', { name: 'Er zijn 3 dingen niet goed ingevuld' }).waitFor();
  await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.type === 'radio');
  const focus = await focusIsVisible(page);
  expect(focus.visible, `focus is not visible on ${focus.description}`);
  await ctx.axe(page, 'questionnaire part 1 with errors (360 px)');

  // Part 1: "Mee eens" (Space, then three times down) on each; then the five other parts.
  let total = await answerPart(page, () => 3, true);
  expect(total === 3, `part 1 has three questions (answered ${total})`);
  await page.keyboard.press('Enter');
  for (let part = 2; part <= 6; part++) {
    await page.getByRole('heading', { level: 3, name: new RegExp(`^Deel ${part} van 6: `) }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H3');
    if (part === 2) await ctx.axe(page, 'questionnaire part 2 (360 px)');
    // Part 5 (rules and money): a parent may not know; "Weet ik niet" for the first question there.
    total += await answerPart(page, (n) => (part === 5 && n === 0 ? -1 : part % 2 ? 4 : 2));
    await page.keyboard.press('Enter');
  }
  expect(total === 23, `all 23 questions were answered (${total})`);

  const confirmation = page.getByText(`Bedankt! Uw antwoorden op ‘${ROUND}’ zijn verstuurd. Niemand kan zien wat u hebt ingevuld.`);
  await confirmation.waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains('rondom-done') ?? false);
  await page.getByText('Er staat nu geen vragenlijst voor u klaar.').waitFor();
  // The confirmation stays after the list reloads.
  await page.waitForTimeout(500);
  expect(await confirmation.isVisible(), 'the confirmation stays on screen');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `the questionnaire scrolls sideways at 360 px (${overflow} px too wide)`);
  await ctx.axe(page, 'questionnaire sent (360 px)');

  // One more answer on the round; the parent's list is empty; a second answer is refused.
  const after = (await beleid.get<{ rounds: Round[] }>(`/api/v1/partnerships/${ws!.id}/rounds`)).rounds.find((r) => r.id === round.id)!;
  expect(after.responded === round.responded + 1, `the round counts one more answer (${round.responded} → ${after.responded})`);
  expect((await apiGet<unknown[]>(baseUrl, 'ouder', '/api/v1/partnerships/invitations')).length === 0, 'no invitation left for the parent');
  const ouder = await apiSession(baseUrl, 'ouder');
  const again = await ouder.post(`/api/v1/partnerships/rounds/${round.id}/responses`, { answers: [{ itemId: round.id, score: 3 }] });
  expect(again.status === 409, `a second answer is refused (${again.status})`);
}
