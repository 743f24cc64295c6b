/**
 * Issue journey 3, on a 360×740 phone: the parent reads Lotte's plan in plain
 * language, disagrees with the current version with a comment and then agrees (an older
 * version asks for no opinion),
 * withdraws one consent and reads who looked at the file (in Dutch, then English).
 */
import { expect, login, type JourneyContext } from '../support.ts';

export const name = 'journey 3: parent answers the plan, withdraws a consent and reads the access log (phone)';

export async function run(ctx: JourneyContext): Promise<void> {
  const page = await ctx.newPage({ viewport: { width: 360, height: 740 } });
  await login(page, ctx.baseUrl, 'ouder');
  const lotte = page.getByRole('region', { name: /^Lotte Vlinderhof/ });
  await lotte.getByRole('link', { name: 'Het plan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Lotte Vlinderhof' }).waitFor();
  await page.getByRole('heading', { level: 4, name: 'Wat willen we bereiken' }).waitFor();
  await page.getByText('Lotte gaat weer elke ochtend naar school.').first().waitFor();
  await page.getByRole('cell', { name: 'Mentor kiezen en voorstellen aan Lotte' }).waitFor();

  // The current version asks for an opinion: disagreeing needs a comment, then she changes her mind.
  const v2 = page.getByRole('region', { name: 'Versie 2' });
  await v2.getByRole('button', { name: 'Ik ben het niet eens' }).click();
  await v2.getByText('Schrijf op waarom u het niet eens bent.').waitFor();
  await v2.getByLabel('Uw reactie op versie 2').fill('Om 10 uur beginnen is te laat; Lotte mist dan de eerste les.');
  await v2.getByRole('button', { name: 'Ik ben het niet eens' }).click();
  await v2.getByText('U bent het niet eens met versie 2. Uw reactie is vastgelegd.').waitFor();
  await v2.getByText(/^U is het niet eens: “Om 10 uur beginnen/).waitFor();
  await v2.getByRole('button', { name: 'Ik ben het eens' }).click();
  await v2.getByText('U bent het eens met versie 2. Dit is vastgelegd.').waitFor();
  await v2.getByText('U bent het eens met deze versie.').waitFor();

  // An older version is history: it can get a comment, not an opinion.
  const v1 = page.getByRole('region', { name: 'Versie 1' });
  await v1.getByLabel('Uw reactie op versie 1').waitFor();
  expect(await v1.getByRole('button', { name: /^Ik ben het (niet )?eens$/ }).count() === 0, 'version 1 (not current) asks for no opinion');

  await page.getByRole('navigation', { name: 'Onderdelen' }).getByRole('link', { name: 'Wat is er gedeeld' }).click();
  await page.getByRole('heading', { level: 3, name: 'Toestemming' }).waitFor();
  const withdraw = page.getByRole('button', { name: /^Toestemming intrekken voor / }).first();
  await withdraw.waitFor();
  const label = (await withdraw.textContent()) ?? '';
  const org = label.replace('Toestemming intrekken voor ', '');
  const before = await page.getByRole('button', { name: label }).count();
  await withdraw.click();
  // A confirmation step first; the message then shows where the consent was, focused.
  const ask = page.getByRole('group', { name: `Wilt u de toestemming voor ${org} intrekken?` });
  await ask.getByRole('button', { name: 'Ja, intrekken' }).click();
  await page.getByText(`De toestemming voor ${org} is ingetrokken. Dit geldt meteen.`).waitFor();
  await page.waitForFunction(([l, n]) => [...document.querySelectorAll('button')].filter((b) => b.textContent === l).length < Number(n), [label, before] as const);

  await page.getByRole('heading', { level: 3, name: 'Wie heeft gekeken' }).waitFor();
  // The family's own actions are left out at first: the parent asks for everyone's.
  await page.getByLabel('Van wie').selectOption({ label: 'Iedereen, ook het gezin' });
  await page.getByRole('button', { name: 'Tonen' }).click();
  const log = page.locator('table.rondom-access-log');
  await log.getByRole('cell', { name: 'trok een toestemming in' }).first().waitFor();
  await log.getByRole('cell', { name: 'las het plan' }).first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `the page scrolls sideways at 360 px (${overflow} px too wide)`);
  await ctx.axe(page, 'parent sharing (nl)');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 3, name: 'Who looked' }).waitFor();
  await log.getByRole('cell', { name: 'withdrew a consent' }).first().waitFor();
  expect(await page.evaluate(() => document.documentElement.lang) === 'en', 'html lang is en');
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await page.getByRole('heading', { level: 3, name: 'Wie heeft gekeken' }).waitFor();
}
