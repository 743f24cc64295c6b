/**
 * Join requests: a teacher of another school (Lieke Leerkracht, OBS De Kring) registers
 * Lotte Vlinderhof (14, Rondeel College), who already has a network, with a question, on a
 * phone. She learns only that her request was sent, nothing of Lotte's record. The lead
 * (Wim Wijkteam) opens Verzoeken, sees who asks, from where and the question, and lets her
 * in; a second, stale screen that decides too is told someone else already decided. Then
 * the teacher sees her request accepted, with a link to Lotte; on her home Lotte's row says
 * there is no consent or legal basis yet.
 */
import { apiGet, expect, login, type JourneyContext } from '../support.ts';

export const name = 'join request: a teacher of another school asks to join, the lead lets her in';

export async function run(ctx: JourneyContext): Promise<void> {
  const { baseUrl } = ctx;
  const kids = await apiGet<{ items: { givenName: string; familyName: string; birthDate: string }[] }>(baseUrl, 'ouder', '/api/v1/children');
  const lotte = kids.items.find((c) => c.givenName === 'Lotte');
  if (!lotte) throw new Error('the demo parent has no child Lotte');
  const question = 'Lotte komt na school vaak bij ons op de opvang en lijkt erg moe en stil.';

  const teacher = await ctx.newPage({ viewport: { width: 360, height: 740 } });
  await login(teacher, baseUrl, 'leerkracht');
  await teacher.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Jongeren zoeken' }).click();
  await teacher.getByRole('link', { name: 'Een jongere aanmelden met een vraag' }).click();
  await teacher.getByRole('heading', { level: 1, name: 'Zorg melden' }).waitFor();
  // Field errors sit at their field (and in the summary above the form).
  await teacher.getByRole('button', { name: 'Zorg melden' }).click();
  await teacher.locator('.utrecht-form-field__error-message', { hasText: 'Vul de voornaam in.' }).waitFor();
  await teacher.locator('#register-domains-error', { hasText: 'Kies minstens één onderwerp.' }).waitFor();
  await teacher.getByLabel('Voornaam').fill(lotte.givenName);
  await teacher.getByLabel('Achternaam').fill(lotte.familyName);
  await teacher.getByLabel('Geboortedatum').fill(lotte.birthDate);
  await teacher.getByLabel('Ja, ik heb het met de ouders besproken').check();
  await teacher.getByLabel('Wat is er aan de hand?').fill(question);
  await teacher.getByLabel('School', { exact: true }).check();
  await teacher.getByLabel('Gezondheid', { exact: true }).check();
  await teacher.getByRole('button', { name: 'Zorg melden' }).click();
  await teacher.getByRole('heading', { level: 1, name: 'Uw verzoek is verstuurd' }).waitFor();
  // Nothing of the record comes back: no link to a child, no lead, no school.
  expect(await teacher.locator('main a[href^="/children/"]').count() === 0, 'the teacher gets no link to the child');
  expect(!(await teacher.locator('main').innerText()).includes('Rondeel College'), 'the teacher learns nothing of the record');
  await ctx.axe(teacher, 'join request sent (360 px)');
  await teacher.getByRole('link', { name: 'Bekijk uw verzoeken' }).click();
  await teacher.getByRole('heading', { level: 1, name: 'Verzoeken' }).waitFor();
  await teacher.getByText(/^Verzoek voor OBS De Kring, verstuurd op .+: wacht op een besluit$/).waitFor();
  expect(await teacher.getByText('Lotte').count() === 0, 'the pending request does not name the child');
  const overflow = await teacher.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `Verzoeken scrolls sideways at 360 px (${overflow} px too wide)`);

  // The lead decides; a second screen opened before the decision decides too and is told.
  const lead = await ctx.newPage();
  await login(lead, baseUrl, 'wijkteam');
  const stale = await ctx.newPage();
  await login(stale, baseUrl, 'wijkteam');
  for (const p of [lead, stale]) {
    await p.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verzoeken' }).click();
    await p.getByRole('heading', { level: 1, name: 'Verzoeken' }).waitFor();
  }
  const card = lead.locator('section.rondom-card').filter({ hasText: 'Lieke Leerkracht (OBS De Kring) wil bij het netwerk van Lotte Vlinderhof' });
  await card.waitFor();
  await card.getByText(`De vraag: ${question}`).waitFor();
  await card.getByText(/^Als Leerkracht, gevraagd op /).waitFor();
  await ctx.axe(lead, 'lead sees the join request');
  await card.getByLabel('Opmerking (mag leeg)').fill('Welkom, neem contact op met de mentor.');
  await card.getByRole('button', { name: 'Toelaten' }).click();
  await lead.getByText('Lieke Leerkracht (OBS De Kring) hoort nu bij het netwerk van Lotte Vlinderhof.').waitFor();

  const staleCard = stale.locator('section.rondom-card').filter({ hasText: 'Lieke Leerkracht (OBS De Kring)' });
  await staleCard.getByRole('button', { name: 'Weigeren' }).click();
  await stale.getByText('Iemand anders heeft al over dit verzoek beslist. De lijst is bijgewerkt.').waitFor();
  await staleCard.waitFor({ state: 'detached' });

  // The teacher now sees the decision and may open Lotte.
  await teacher.reload({ waitUntil: 'domcontentloaded' });
  await teacher.getByText('toegelaten', { exact: true }).waitFor();
  await teacher.getByRole('link', { name: 'Naar Lotte Vlinderhof' }).waitFor();
  // She is in the network now, but without consent or a legal basis she sees only who Lotte is.
  await teacher.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Start' }).click();
  const row = teacher.locator('table.rondom-worklist tr').filter({ hasText: 'Lotte Vlinderhof' });
  await row.getByText('Nog geen toestemming of grondslag').waitFor();
  await ctx.axe(teacher, 'teacher sees the request accepted (360 px)');
}
