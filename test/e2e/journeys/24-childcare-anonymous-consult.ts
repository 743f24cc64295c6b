/**
 * Issue 17, part 2: a childcare worker (pedagogisch medewerker of Kinderopvang Het Nest) asks the
 * fixed youth-care contact for advice without naming the child. A date of birth in the text is
 * refused and said so; the cleaned question goes out. Wim Wijkteam (the contact) sees it in his
 * notifications in a second browser, on a phone, and answers; the worker sees the answer on the
 * consult page and gets a notification with words. axe at 1280 and at 360 px.
 * The worker is made for this journey (the demo childcare login turns on two-step verification in
 * journey 15).
 */
import { DEMO_PASSWORD, apiSession, demoEmail, expect, login, type JourneyContext } from '../support.ts';

export const name = 'anonymous consult: a childcare worker asks the fixed youth-care contact, who answers in Rondom';

const WORKER = 'pm-nest';

export async function run(ctx: JourneyContext): Promise<void> {
  const { page, baseUrl } = ctx;
  const admin = await apiSession(baseUrl, 'admin');
  const orgs = await admin.get<{ id: string; name: string; regionId: string }[] | { items: { id: string; name: string; regionId: string }[] }>('/api/v1/admin/organisations?limit=500');
  const list = Array.isArray(orgs) ? orgs : orgs.items;
  const nest = list.find((o) => o.name === 'Kinderopvang Het Nest');
  expect(nest, 'the demo has Kinderopvang Het Nest');
  const made = await admin.post('/api/v1/admin/users', {
    regionId: nest.regionId, kind: 'staff', email: demoEmail(WORKER), displayName: 'Priya Pedagogisch', password: DEMO_PASSWORD,
    memberships: [{ organisationId: nest.id, role: 'teacher' }],
  });
  expect(made.status === 201, `the journey's childcare worker was made (${made.status})`);

  await login(page, baseUrl, WORKER);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Anoniem advies' }).click();
  await page.getByRole('heading', { level: 1, name: 'Anoniem advies vragen' }).waitFor();
  await page.getByText('Noem geen naam.').waitFor();
  await page.getByLabel(/^Wim Wijkteam, vaste contactpersoon jeugdhulp/).waitFor();
  await ctx.axe(page, 'consult form 1280');

  // The form's own checks first, then the server refuses a date of birth.
  await page.getByRole('button', { name: 'Vraag versturen' }).click();
  await page.getByText('Schrijf uw vraag (minstens 10 tekens).').waitFor();
  await page.getByText('Kijk uw tekst na en vink dit aan.').waitFor();
  await page.getByLabel('Wat is uw vraag?').fill('Een peuter (geboren 03-04-2023) bijt vaak andere kinderen als het druk is. Hoe bespreek ik dat met de ouders?');
  await page.getByLabel('Thuis', { exact: true }).check();
  await page.getByLabel('Mijn vraag bevat geen naam en niets waaraan iemand het kind herkent.').check();
  await page.getByRole('button', { name: 'Vraag versturen' }).click();
  await page.getByText(/Uw tekst lijkt een datum \(zoals een geboortedatum\) te bevatten/).waitFor();
  await ctx.axe(page, 'consult refused 1280');
  const question = 'Een peuter bijt vaak andere kinderen als het druk is. Hoe bespreek ik dat met de ouders?';
  await page.getByLabel('Wat is uw vraag?').fill(question);
  await page.getByRole('button', { name: 'Vraag versturen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Anoniem consult' }).waitFor();
  await page.getByText('Er is nog geen antwoord. U krijgt een bericht zodra het er is.').waitFor();
  const consultUrl = page.url();
  expect(/\/consult\/[0-9a-f-]{36}$/.test(consultUrl), 'the consult has its own page');

  // The contact answers, on a phone, in his own browser.
  const wim = await ctx.newPage({ viewport: { width: 360, height: 740 } });
  await login(wim, baseUrl, 'wijkteam');
  await wim.goto(`${baseUrl}/notifications`, { waitUntil: 'domcontentloaded' });
  await wim.getByText('Priya Pedagogisch (Kinderopvang Het Nest) stelde een anonieme vraag.').waitFor();
  await wim.getByRole('link', { name: 'Bekijk de vraag' }).first().click();
  await wim.getByText(question).waitFor();
  await wim.getByText('gesteld door Priya Pedagogisch (Kinderopvang Het Nest)', { exact: false }).waitFor();
  await ctx.axe(wim, 'consult answer form 360');
  const answer = 'Benoem wat je ziet, niet wat het kind is: "Ik zie dat hij bijt als het druk is." Vraag de ouders hoe het thuis gaat en spreek samen af wat jullie doen. Blijft het, dan denk ik graag mee.';
  await wim.getByLabel('Uw antwoord').fill(answer);
  await wim.getByRole('button', { name: 'Antwoord versturen' }).click();
  await wim.getByText(/^Beantwoord door Wim Wijkteam op /).waitFor();
  const overflow = await wim.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `the consult page scrolls sideways at 360 px (${overflow} px too wide)`);

  // The worker sees the answer, and a notification that says what happened.
  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.getByText(answer).waitFor();
  await page.getByText(/^Beantwoord door Wim Wijkteam op /).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Een vraag met naam maken' }).waitFor();
  await page.goto(`${baseUrl}/notifications`, { waitUntil: 'domcontentloaded' });
  await page.getByText('Wim Wijkteam heeft uw anonieme vraag beantwoord.').waitFor();
  await ctx.axe(page, 'notifications 1280');

  // The same on the worker's phone: the answer at 360 px.
  const phone = await ctx.newPage({ viewport: { width: 360, height: 740 } });
  await login(phone, baseUrl, WORKER);
  await phone.goto(consultUrl, { waitUntil: 'domcontentloaded' });
  await phone.getByText(answer).waitFor();
  const phoneOverflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(phoneOverflow <= 0, `the answered consult scrolls sideways at 360 px (${phoneOverflow} px too wide)`);
}
