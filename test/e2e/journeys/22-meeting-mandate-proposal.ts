/**
 * Issue 17 (4): the lead records presence and mandate on screen in a meeting about Lotte; the
 * JGZ is not at the table, so a decision that has the JGZ do something is recorded as a
 * proposal (not yet in the plan). The jeugdarts confirms it for the JGZ from her home screen on
 * a phone; only then is the action in the plan. axe at 1280 and 360 px.
 */
import { expect, login, type JourneyContext } from '../support.ts';

export const name = 'issue 17: a meeting without a mandated JGZ records a proposal; the JGZ confirms it (phone)';

const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export async function run(ctx: JourneyContext): Promise<void> {
  const { page, baseUrl } = ctx;
  await login(page, baseUrl, 'wijkteam');
  await page.locator('table.rondom-worklist').getByRole('link', { name: 'Lotte Vlinderhof' }).click();
  await page.getByRole('heading', { level: 1, name: 'Lotte Vlinderhof' }).waitFor();
  const sub = page.getByRole('navigation', { name: 'Onderdelen' });
  await sub.getByRole('link', { name: 'Overleg' }).click();

  await page.getByRole('heading', { level: 4, name: 'Overleg plannen' }).waitFor();
  await page.getByLabel('Datum', { exact: true }).fill(isoIn(3));
  await page.getByLabel('Tijd', { exact: true }).fill('14:00');
  await page.getByLabel('Agenda', { exact: true }).fill('Hoe gaat het met de buikpijn?\nWie doet wat');
  await page.getByLabel(/^Zoë Zorgcoördinator — Rondeel College$/).check();
  await page.getByLabel(/^Jolien Jeugdarts — JGZ GGD Rondeel$/).check();
  await page.getByRole('button', { name: 'Overleg plannen' }).click();
  await page.getByText('Het overleg is gepland.').waitFor();

  const card = page.locator('section.rondom-card').filter({ has: page.getByRole('heading', { level: 4, name: /^Overleg op / }) }).first();
  await card.getByText('Wim Wijkteam (Wijkteam Rondeel-Noord) — voorzitter').waitFor();
  // Presence and mandate on screen: school and wijkteam are there, the jeugdarts is not.
  await card.getByLabel('Wim Wijkteam is aanwezig').check();
  await card.getByLabel('Zoë Zorgcoördinator is aanwezig').check();
  expect(await card.getByLabel('Zoë Zorgcoördinator mag beslissen voor Rondeel College (mandaat)').isChecked(), 'the school has a mandate');
  expect(!(await card.getByLabel('Jolien Jeugdarts is aanwezig').isChecked()), 'the jeugdarts is not marked present');
  await card.getByRole('button', { name: 'Aanwezigheid en mandaat opslaan' }).click();
  await card.getByText('Aanwezigheid en mandaat zijn opgeslagen.').waitFor();

  // A decision that has the JGZ do something: a proposal, not yet in the plan.
  await card.getByLabel('Besluit', { exact: true }).fill('Lotte krijgt drie gesprekken bij de jeugdarts over de buikpijn.');
  await card.getByLabel('Actie voor het plan (mag leeg)').fill('Drie gesprekken met Lotte plannen');
  await card.getByLabel('Wie doet het?').selectOption({ label: 'Jolien Jeugdarts — JGZ GGD Rondeel' });
  await card.getByLabel('Wanneer klaar?').fill(isoIn(21));
  await card.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await card.getByText(/^Het besluit is vastgelegd als voorstel: niemand van JGZ GGD Rondeel was aanwezig met mandaat\./).waitFor();
  await card.getByText('Lotte krijgt drie gesprekken bij de jeugdarts over de buikpijn. (voorstel — wacht op bevestiging door JGZ GGD Rondeel)').waitFor();
  await ctx.axe(page, 'meeting with a proposal (1280)');
  await sub.getByRole('link', { name: 'Plan' }).click();
  await page.getByRole('heading', { level: 4, name: 'Wat willen we bereiken' }).waitFor();
  expect(await page.getByRole('cell', { name: 'Drie gesprekken met Lotte plannen' }).count() === 0, 'a proposal is not yet in the plan');

  // The jeugdarts confirms for the JGZ, on her phone.
  const phone = await ctx.newPage({ viewport: { width: 360, height: 740 } });
  await login(phone, baseUrl, 'jgz');
  const proposals = phone.getByRole('region', { name: 'Voorstellen om te bevestigen' });
  const item = proposals.getByRole('region', { name: 'Voorstel voor JGZ GGD Rondeel — Lotte Vlinderhof' });
  await item.getByText('Lotte krijgt drie gesprekken bij de jeugdarts over de buikpijn.').waitFor();
  await item.getByText(/Drie gesprekken met Lotte plannen — Jolien Jeugdarts — klaar op /).waitFor();
  await ctx.axe(phone, 'proposals to confirm (360)');
  await item.getByLabel('Toelichting (nodig als u niet akkoord gaat)').fill('Past in ons spreekuur.');
  await item.getByRole('button', { name: 'Bevestigen' }).click();
  await phone.getByText('Bevestigd voor JGZ GGD Rondeel. De actie staat nu in het plan.').waitFor();
  await phone.getByText(/^bevestigd door Jolien Jeugdarts voor JGZ GGD Rondeel op /).waitFor();
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `the page scrolls sideways at 360 px (${overflow} px too wide)`);
  await ctx.axe(phone, 'proposal confirmed (360)');

  // Now it is binding: in the plan, and the meeting says who confirmed it.
  await page.reload();
  await page.getByRole('cell', { name: 'Drie gesprekken met Lotte plannen' }).waitFor();
  await sub.getByRole('link', { name: 'Overleg' }).click();
  await page.getByText(/^Lotte krijgt drie gesprekken bij de jeugdarts over de buikpijn\. \(bevestigd door Jolien Jeugdarts voor JGZ GGD Rondeel op .+; staat als actie in het plan\)$/).waitFor();
  // The end state (the last page opened) is the phone; check the lead's page too.
  await ctx.axe(page, 'meeting after confirmation (1280)');
}
