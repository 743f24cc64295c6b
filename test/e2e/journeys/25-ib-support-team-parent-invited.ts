/**
 * Issue 17, part 3: the intern begeleider of OBS De Kring runs the support team's agenda. A teacher's
 * anonymous question to the team is on it: the IB writes the team's advice and closes the item, and
 * the advice goes back to the teacher. The IB puts the pupil Vlinderhof (9) on the agenda after
 * telling the parents; the parent, on a phone and with the keyboard only, sees the invitation with
 * its date on their home and says they will come; the IB sees the answer. A member without access to
 * the child (leerplicht) sees only "Een leerling". Open items roll on to the next meeting. The IB sees the
 * school's fixed youth-care contact and whom it could be.
 * axe at 1280 and 360 px.
 */
import { DEMO_PASSWORD, apiGet, apiSession, demoEmail, expect, login, tabTo, type JourneyContext } from '../support.ts';

export const name = 'support team: the intern begeleider runs the agenda, a parent is invited to the item about their child and answers (keyboard, 360 px)';

export async function run(ctx: JourneyContext): Promise<void> {
  const { page, baseUrl } = ctx;
  const kids = await apiGet<{ items: { givenName: string; familyName: string; ageYears: number }[] }>(baseUrl, 'ouder', '/api/v1/children');
  const child = kids.items.find((c) => c.ageYears === 9);
  expect(child, 'the demo parent has a child of 9');
  const childName = `${child.givenName} ${child.familyName}`;
  // A teacher asked the team a question without a name (set-up through the API).
  const teacher = await apiSession(baseUrl, 'leerkracht');
  const asked = await teacher.post<{ id: string }>('/api/v1/consults', {
    to: 'team', noIdentity: true, question: 'Een leerling in groep 6 praat bijna niet meer in de klas sinds de zomer. Wat kunnen we als school doen?',
  });
  expect(asked.status === 201, `the teacher's question to the team was sent (${asked.status})`);

  await login(page, baseUrl, 'ib');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Ondersteuningsteam' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ondersteuningsteam' }).waitFor();
  await page.getByRole('link', { name: 'Ondersteuningsteam OBS De Kring' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ondersteuningsteam OBS De Kring' }).waitFor();
  await page.getByRole('rowheader', { name: 'Jolien Jeugdarts' }).waitFor();
  await page.getByRole('cell', { name: 'consulent samenwerkingsverband' }).waitFor();

  // The anonymous question: the team's advice closes it and goes back to the teacher.
  const consultItem = page.locator('section.rondom-card', { hasText: 'Vraag zonder naam' }).filter({ hasText: 'groep 6' });
  await consultItem.getByLabel('Uitkomst of advies').fill('Praat met de leerling over wat helpt. De jeugdarts kijkt mee; de ouders worden uitgenodigd voor een gesprek op school.');
  await consultItem.getByRole('button', { name: 'Afronden' }).click();
  await page.getByText('Vraag zonder naam: afgerond.').waitFor();
  const answered = await teacher.get<{ status: string; answer: string }>(`/api/v1/consults/${asked.body.id}`);
  expect(answered.status === 'answered' && answered.answer.includes('jeugdarts kijkt mee'), 'the team\'s advice is the teacher\'s answer');

  // A named pupil: only after telling the parents.
  await page.getByRole('searchbox', { name: 'Zoek een leerling' }).fill(child.familyName);
  await page.getByRole('button', { name: 'Zoeken' }).click();
  const select = page.getByLabel('Leerling', { exact: true });
  await select.waitFor();
  const option = (await select.locator('option').allTextContents()).find((t) => t.startsWith(`${childName} (9 jaar)`));
  expect(option, `the IB finds ${childName}`);
  await select.selectOption({ label: option });
  await page.getByLabel('Waar wilt u het over hebben? (niet verplicht)').fill('Hoe gaat het in de klas en thuis, en wat helpt?');
  await page.getByRole('button', { name: 'Op de agenda zetten' }).click();
  await page.getByText('Vertel het eerst aan de ouders.').waitFor();
  await page.getByLabel('Ik heb de ouders verteld dat hun kind besproken wordt, en ze worden uitgenodigd.').check();
  await page.getByRole('button', { name: 'Op de agenda zetten' }).click();
  await page.getByText(`${childName} staat op de agenda. De ouders zijn uitgenodigd.`).waitFor();
  const pupilItem = page.locator('section.rondom-card', { has: page.getByRole('heading', { level: 4, name: childName }) });
  await pupilItem.getByText(/^Uitgenodigd: .*nog geen antwoord/).waitFor();
  await ctx.axe(page, 'support team agenda 1280');

  // The parent, on a phone, keyboard only.
  const parent = await ctx.newPage({ viewport: { width: 360, height: 740 } });
  await parent.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
  await parent.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  await tabTo(parent, (el) => el.tag === 'input' && el.type === 'email');
  await parent.keyboard.type(demoEmail('ouder'));
  await tabTo(parent, (el) => el.tag === 'input' && el.type === 'password');
  await parent.keyboard.type(DEMO_PASSWORD);
  await parent.keyboard.press('Enter');
  await parent.getByRole('heading', { level: 1, name: /^Welkom, / }).waitFor();
  await parent.getByRole('heading', { level: 3, name: `Uitnodiging: gesprek over ${childName}` }).waitFor();
  await parent.getByText('Het Ondersteuningsteam OBS De Kring van OBS De Kring praat over uw kind.', { exact: false }).waitFor();
  await parent.getByText(/^Wanneer: .+ om 08:30 uur$/).waitFor();
  await ctx.axe(parent, 'parent home with invitation 360');
  await tabTo(parent, (el) => el.tag === 'input' && el.type === 'radio' && el.label === 'Ja, ik kom', 60);
  await parent.keyboard.press('Space');
  await tabTo(parent, (el) => el.tag === 'button' && el.text === 'Antwoord sturen');
  await parent.keyboard.press('Enter');
  await parent.getByText('Dank u. De school weet dat u komt.').waitFor();
  const overflow = await parent.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `the parent's home scrolls sideways at 360 px (${overflow} px too wide)`);
  await ctx.axe(parent, 'parent answered 360');

  // The IB sees the answer.
  await page.reload({ waitUntil: 'domcontentloaded' });
  await pupilItem.getByText(/\(komt\)/).waitFor();

  // A member without access to the child sees that there is an item about a pupil, not who.
  const lars = await ctx.newPage({ viewport: { width: 360, height: 740 } });
  await login(lars, baseUrl, 'leerplicht');
  await lars.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Ondersteuningsteam' }).click();
  await lars.getByRole('link', { name: 'Ondersteuningsteam OBS De Kring' }).click();
  await lars.getByRole('heading', { level: 4, name: 'Een leerling' }).first().waitFor();
  expect(!(await lars.locator('main').innerText()).includes(child.familyName), 'a member without access does not see the child\'s name');
  expect(await lars.getByRole('button', { name: 'Afronden' }).count() === 0, 'a member who does not manage the team cannot close items');
  await ctx.axe(lars, 'support team as member without access 360');

  // Open items roll on to the next meeting.
  const next = new Date(Date.now() + 35 * 86400000).toISOString().slice(0, 10);
  await page.getByLabel('Datum van het volgende overleg').fill(next);
  await page.getByRole('button', { name: 'Doorschuiven' }).click();
  await page.getByText(/^De open punten staan nu op /).waitFor();
  await pupilItem.getByText(/nog geen antwoord/).waitFor();

  // The IB takes a member off the team, after saying yes to the question; the row is gone.
  const larsRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Lars/ }) });
  const larsName = (await larsRow.getByRole('rowheader').innerText()).trim();
  await larsRow.getByRole('button', { name: `Uit het team halen ${larsName}` }).click();
  await page.getByText(`${larsName} uit het team halen?`).waitFor();
  await ctx.axe(page, 'support team confirm end member 1280');
  await page.getByRole('button', { name: 'Ja, uit het team halen' }).click();
  await page.getByText(`${larsName} is niet meer lid van het team.`).waitFor();
  // The list reloads after the message: the row goes within the wait, or the journey fails.
  await page.getByRole('rowheader', { name: larsName }).waitFor({ state: 'detached' });

  // The IB also sees (and could change) the school's fixed youth-care contact, on the consult page.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Anoniem advies' }).click();
  await page.getByRole('heading', { level: 2, name: 'Vaste contactpersoon jeugdhulp van OBS De Kring' }).waitFor();
  await page.getByText('Nu: Wim Wijkteam (Wijkteam Rondeel-Noord). Nieuwe vragen gaan naar deze persoon.').waitFor();
  await page.getByRole('option', { name: 'Wendy Wijkteam — Wijkteam Rondeel-Zuid' }).waitFor({ state: 'attached' });
  await ctx.axe(page, 'consult page with the contact setting 1280');
}
