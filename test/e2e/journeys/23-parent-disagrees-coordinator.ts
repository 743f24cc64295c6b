/**
 * Issue 17 (5), the family's part keyboard-only on a 360 px phone: the parent disagrees with
 * Lotte's plan and asks for a conversation; the screen names the onderwijsconsulent and the AKJ
 * as independent help and says when it goes to the municipality. The lead sees the request.
 * The coordinator's list holds only requests older than the period (14 days): Lotte's fresh
 * request is not on it, the demo's request of 16 days ago is (the demo made it through the real
 * service with its clock set back — no test-only clock in the server), and she resolves it.
 */
import { DEMO_PASSWORD, demoEmail, expect, login, tabTo, type JourneyContext } from '../support.ts';

export const name = 'issue 17: a parent disagrees with the plan (keyboard, phone); the coordinator gets the overdue request';

export async function run(ctx: JourneyContext): Promise<void> {
  const phone = await ctx.newPage({ viewport: { width: 360, height: 740 } });
  await phone.goto(`${ctx.baseUrl}/`, { waitUntil: 'domcontentloaded' });
  await phone.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  await tabTo(phone, (el) => el.tag === 'input' && el.type === 'email');
  await phone.keyboard.type(demoEmail('ouder'));
  await tabTo(phone, (el) => el.tag === 'input' && el.type === 'password');
  await phone.keyboard.type(DEMO_PASSWORD);
  await phone.keyboard.press('Enter');
  await phone.getByRole('heading', { level: 1, name: /^Welkom, / }).waitFor();

  // To Lotte's plan, by keyboard.
  // The parent has more than one child: tab on to the plan link in Lotte's card.
  for (let i = 0; i < 4; i++) {
    await tabTo(phone, (el) => el.tag === 'a' && el.text === 'Het plan', 60);
    const inLotte = await phone.evaluate(() => document.activeElement?.closest('section')?.querySelector('h3')?.textContent?.startsWith('Lotte Vlinderhof') ?? false);
    if (inLotte) break;
  }
  await phone.keyboard.press('Enter');
  await phone.getByRole('heading', { level: 1, name: 'Lotte Vlinderhof' }).waitFor();
  const section = phone.getByRole('region', { name: 'Niet eens met het plan?' });
  await section.getByText(/Is het na 14 dagen nog niet opgelost\? Dan gaat uw vraag naar de coördinator van de gemeente\./).waitFor();
  await section.getByText(/onderwijsconsulent helpt u gratis en onafhankelijk/).waitFor();
  await section.getByText(/vertrouwenspersoon van het AKJ/).waitFor();

  await tabTo(phone, (el) => el.tag === 'textarea' && el.label === 'Waar bent u het niet mee eens?', 120);
  await phone.keyboard.type('Lotte moet om 10 uur beginnen, maar dan mist ze de eerste les. Wij willen daarover praten.');
  await tabTo(phone, (el) => el.tag === 'button' && el.text === 'Vraag een gesprek aan');
  await phone.keyboard.press('Enter');
  await section.getByText('Uw vraag om een gesprek is verstuurd naar de regisseur.').waitFor();
  await section.getByText(/^Nog niet opgelost\. Is het op .+ nog niet opgelost, dan gaat het naar de coördinator van de gemeente\.$/).waitFor();
  expect(await section.getByRole('button', { name: 'Vraag een gesprek aan' }).count() === 0, 'one open request per person');
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `the page scrolls sideways at 360 px (${overflow} px too wide)`);
  await ctx.axe(phone, 'parent asked for a conversation (360)');

  // The lead sees it on the plan.
  const lead = ctx.page;
  await login(lead, ctx.baseUrl, 'wijkteam');
  await lead.locator('table.rondom-worklist').getByRole('link', { name: 'Lotte Vlinderhof' }).click();
  await lead.getByRole('navigation', { name: 'Onderdelen' }).getByRole('link', { name: 'Plan' }).click();
  const leadSection = lead.getByRole('region', { name: 'Niet eens met het plan?' });
  await leadSection.getByText(/vroeg op .+ om een gesprek: “Lotte moet om 10 uur beginnen/).waitFor();
  await leadSection.getByLabel('Wat is er afgesproken?').first().waitFor();
  await ctx.axe(lead, 'lead sees the request (1280)');

  // The coordinator: only what is past the period.
  const gemeente = await ctx.newPage();
  await login(gemeente, ctx.baseUrl, 'gemeente');
  const list = gemeente.getByRole('region', { name: 'Gezinnen die niet eens zijn met het plan' });
  await list.getByText('“Wij willen meer hulp thuis. Daar staat niets over in het plan.”').waitFor();
  await list.getByRole('heading', { level: 3, name: / — 16 dagen open$/ }).waitFor();
  expect(await list.getByText(/Lotte moet om 10 uur beginnen/).count() === 0, 'a fresh request is not on the coordinator\'s list');
  await ctx.axe(gemeente, 'coordinator list (1280)');
  await list.getByLabel('Wat is er afgesproken?').fill('Gebeld met de ouder en de regisseur; thuisbegeleiding komt in het plan.');
  await list.getByRole('button', { name: 'Opgelost: afspraak vastleggen' }).click();
  await gemeente.getByRole('region', { name: 'Gezinnen die niet eens zijn met het plan' }).waitFor({ state: 'detached' });

  // The coordinator's home at 360 px stays usable (and the resolved request is gone).
  const small = await ctx.newPage({ viewport: { width: 360, height: 740 } });
  await login(small, ctx.baseUrl, 'gemeente');
  await small.getByRole('heading', { level: 1, name: /^Welkom, / }).waitFor();
  expect(await small.getByRole('region', { name: 'Gezinnen die niet eens zijn met het plan' }).count() === 0, 'resolved: off the list');
  const wide = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(wide <= 0, `the coordinator's home scrolls sideways at 360 px (${wide} px too wide)`);
}
