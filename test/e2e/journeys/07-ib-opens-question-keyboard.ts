/**
 * Issue journey 1, keyboard only: the intern begeleider finds the pupil Vlinderhof (9,
 * no network yet), opens a question, records both parents' consent for the school
 * and the wijkteam, and invites Wim Wijkteam. Focus is visible at every stop.
 * Consent recorded on the parents' behalf waits for them: both parents confirm it in
 * their own browser before it counts.
 */
import { DEMO_PASSWORD, chooseWithKeyboard, confirmConsentsInBrowser, demoEmail, expect, tabTo, type JourneyContext } from '../support.ts';

export const name = 'journey 1: intern begeleider opens a question, records consent and invites the wijkteam (keyboard only)';

export async function run(ctx: JourneyContext): Promise<void> {
  const { page, baseUrl } = ctx;
  await page.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  await tabTo(page, (el) => el.tag === 'input' && el.type === 'email');
  await page.keyboard.type(demoEmail('ib'));
  await tabTo(page, (el) => el.tag === 'input' && el.type === 'password');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: /^Welkom, / }).waitFor();

  // Find the pupil.
  await tabTo(page, (el) => el.tag === 'a' && el.text === 'Zoek een jongere');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Jongere zoeken' }).waitFor();
  await tabTo(page, (el) => el.tag === 'input' && el.type === 'search');
  await page.keyboard.type('vlinderhof');
  await page.keyboard.press('Enter');
  await page.getByText(/jongere(n)? gevonden\.$/).waitFor();
  await tabTo(page, (el) => el.tag === 'a' && /Vlinderhof$/.test(el.text));
  const childName = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: childName }).waitFor();
  await page.getByText('9 jaar', { exact: false }).first().waitFor();

  // Open a question (this starts the network).
  await tabTo(page, (el) => el.tag === 'textarea' && el.label === 'Wat is de vraag?', 60);
  await page.keyboard.type('Hanna is erg stil in de klas en zegt dat ze slecht slaapt.');
  await tabTo(page, (el) => el.tag === 'input' && el.label === 'School');
  await page.keyboard.press('Space');
  await tabTo(page, (el) => el.tag === 'input' && el.label === 'Gezondheid');
  await page.keyboard.press('Space');
  await tabTo(page, (el) => el.tag === 'button' && el.text === 'Vraag opslaan');
  await page.keyboard.press('Enter');
  await page.getByText('De vraag is opgeslagen.').waitFor();

  // Consent: the tab appears now that the IB is involved.
  const sharing = page.getByRole('navigation', { name: 'Onderdelen' }).getByRole('link', { name: 'Toestemming en inzage' });
  await sharing.waitFor();
  await tabTo(page, (el) => el.tag === 'a' && el.text === 'Toestemming en inzage', 80, { backwards: true });
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 4, name: 'Toestemming vastleggen namens ouders of jongere' }).waitFor();

  const recordConsent = async (org: RegExp, method: RegExp, expected: string) => {
    await tabTo(page, (el) => el.tag === 'select' && el.label === 'Welke organisatie?', 80);
    await chooseWithKeyboard(page, org);
    await tabTo(page, (el) => el.tag === 'input' && el.label.endsWith('(ouder)'));
    await page.keyboard.press('Space');
    await tabTo(page, (el) => el.tag === 'input' && el.label.endsWith('(ouder)'));
    await page.keyboard.press('Space');
    await tabTo(page, (el) => el.tag === 'select' && el.label === 'Hoe is de toestemming gegeven?');
    await chooseWithKeyboard(page, method);
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Toestemming vastleggen');
    await page.keyboard.press('Enter');
    await page.getByText(expected).waitFor();
  };
  const childId = /\/children\/([^/]+)/.exec(page.url())?.[1] ?? '';
  expect(childId, 'the child page URL names the child');
  // Both parents confirm what was recorded for them; until then it opens nothing.
  const parentsConfirm = async () => {
    for (const parent of ['ouder', 'ouder2']) {
      const p = await ctx.newPage();
      expect(await confirmConsentsInBrowser(p, baseUrl, parent, childId) > 0, `${parent} had a consent to confirm`);
    }
    await page.reload({ waitUntil: 'domcontentloaded' });
  };
  await recordConsent(/^OBS De Kring/, /schriftelijk/, 'De toestemming voor OBS De Kring is vastgelegd.');
  await page.getByText(/^Wacht op bevestiging van /).first().waitFor();
  expect(await page.getByText('OBS De Kring: er is toestemming.').count() === 0, 'consent recorded for the parents does not count before they confirm');
  await parentsConfirm();
  await page.getByText('OBS De Kring: er is toestemming.').waitFor();
  // Now the school has a basis, the other organisations (candidates) can be chosen.
  await page.getByLabel('Welke organisatie?', { exact: true }).getByRole('option', { name: 'Wijkteam Rondeel-Noord' }).waitFor({ state: 'attached' });
  await recordConsent(/^Wijkteam Rondeel-Noord$/, /mondeling/, 'De toestemming voor Wijkteam Rondeel-Noord is vastgelegd.');
  await parentsConfirm();
  await page.getByText('Wijkteam Rondeel-Noord: er is toestemming.').waitFor();
  await page.getByText(/, mondeling, op /).nth(1).waitFor();
  expect(await page.getByText(/, op papier \(schriftelijk\), op /).count() === 2, 'both written consents are listed');

  // Invite the wijkteam professional.
  await tabTo(page, (el) => el.tag === 'a' && el.text === 'Netwerk', 120, { backwards: true });
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 4, name: 'Iemand uitnodigen' }).waitFor();
  await page.getByRole('option', { name: /^Wim Wijkteam — Wijkteam Rondeel-Noord \(toestemming: ja\)$/ }).waitFor({ state: 'attached' });
  await tabTo(page, (el) => el.tag === 'select' && el.label === 'Wie wilt u uitnodigen?', 80);
  await chooseWithKeyboard(page, /^Wim Wijkteam — Wijkteam Rondeel-Noord/);
  await tabTo(page, (el) => el.tag === 'button' && el.text === 'Uitnodigen');
  await page.keyboard.press('Enter');
  await page.getByText('Wim Wijkteam (Wijkteam Rondeel-Noord) is uitgenodigd.').waitFor();
  await page.getByRole('cell', { name: 'Wim Wijkteam' }).waitFor();
  await page.getByText('De regisseur is Ibrahim Intern. Die houdt het overzicht.').waitFor();
}
