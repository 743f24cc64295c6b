/**
 * The privacy officer (Fatima Functionaris) on a phone (360 px): the JGZ records a legal
 * basis for Lotte Vlinderhof (set up through the API); Fatima starts at her privacy home,
 * opens the privacy screen, confirms the basis with a note (a missing note is refused at
 * the field), sees the emergency accesses, and opens the NEN 7513 access report for the
 * JGZ doctor: a table in a labelled region that scrolls on its own, the page does not.
 */
import { apiSession, expect, login, type JourneyContext } from '../support.ts';

export const name = 'privacy officer reviews a legal basis and reads an access report on a phone';

export async function run(ctx: JourneyContext): Promise<void> {
  const { baseUrl } = ctx;
  const ouder = await apiSession(baseUrl, 'ouder');
  const { items } = await ouder.get<{ items: { id: string; givenName: string }[] }>('/api/v1/children');
  const lotte = items.find((c) => c.givenName === 'Lotte');
  if (!lotte) throw new Error('the demo parent has no child Lotte');
  const jgz = await apiSession(baseUrl, 'jgz');
  const me = await jgz.get<{ memberships: { organisationId: string; organisationName: string }[] }>('/api/v1/me');
  const org = me.memberships.find((m) => m.organisationName === 'JGZ GGD Rondeel');
  expect(org, 'the JGZ doctor works for JGZ GGD Rondeel');
  const justification = 'Het consultatiebureau heeft een wettelijke taak bij de jeugdgezondheidszorg van Lotte.';
  const recorded = await jgz.post(`/api/v1/children/${lotte.id}/legal-bases`, { kind: 'legal_task', organisationId: org.organisationId, justification });
  expect(recorded.status === 200 || recorded.status === 201, `the JGZ records a legal basis (got ${recorded.status})`);
  // A reviewer cannot be chosen: the server refuses the old field.
  const withReviewer = await jgz.post(`/api/v1/children/${lotte.id}/legal-bases`, { kind: 'legal_task', organisationId: org.organisationId, justification, reviewerUserId: lotte.id });
  expect(withReviewer.status === 400, `a reviewerUserId is refused (got ${withReviewer.status})`);

  const page = await ctx.newPage({ viewport: { width: 360, height: 740 } });
  await login(page, baseUrl, 'fg');
  await page.getByText('U controleert of gegevens van kinderen terecht worden gedeeld en bekeken.').waitFor();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Privacy' }).click();
  await page.getByRole('heading', { level: 1, name: 'Privacy-overzicht' }).waitFor();

  const card = page.locator('section.rondom-card').filter({ has: page.getByRole('heading', { level: 3, name: 'Wettelijke taak bij Lotte Vlinderhof' }) })
    .filter({ hasText: justification });
  await card.waitFor();
  await card.getByText('Jolien Jeugdarts', { exact: false }).waitFor();
  await card.getByText('Niet voorlopig: geldt pas na uw beoordeling').waitFor();
  await card.getByRole('button', { name: 'Bevestigen' }).click();
  await card.getByText('Schrijf een toelichting van minstens 3 tekens.').waitFor();
  await card.getByLabel('Toelichting').fill('De JGZ heeft hier een wettelijke taak; terecht vastgelegd.');
  await card.getByRole('button', { name: 'Bevestigen' }).click();
  await page.getByText('De grondslag bij Lotte Vlinderhof is bevestigd.').waitFor();
  await card.waitFor({ state: 'detached' });

  // The emergency access from journey 6 is listed with its review.
  await page.getByRole('heading', { level: 3, name: 'Wendy Wijkteam bij Lotte Vlinderhof' }).first().waitFor();
  await page.getByText('Terecht (door Wim Wijkteam)').first().waitFor();
  await ctx.axe(page, 'privacy overview (360 px)');

  // NEN 7513: what the JGZ doctor did, in a period.
  await page.getByLabel('Professional').selectOption({ label: 'Jolien Jeugdarts (JGZ GGD Rondeel)' });
  await page.getByRole('button', { name: 'Overzicht tonen' }).click();
  const region = page.getByRole('region', { name: /^Inzage door Jolien Jeugdarts: \d+ keer\.$/ });
  await region.waitFor();
  await region.getByRole('row').filter({ hasText: 'legde een grondslag vast' }).filter({ hasText: 'Lotte Vlinderhof' }).first().waitFor();
  await region.getByRole('columnheader', { name: 'Datum en tijd' }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `the privacy screen scrolls sideways at 360 px (${overflow} px too wide)`);
  // Words in the table stay whole (the region scrolls instead).
  const wrap = await region.locator('td').first().evaluate((el) => getComputedStyle(el).overflowWrap);
  expect(wrap === 'normal', `table cells keep words whole (overflow-wrap: ${wrap})`);
  await ctx.axe(page, 'access report (360 px)');
}
