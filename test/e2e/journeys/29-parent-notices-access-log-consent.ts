/**
 * A parent on a phone (360 px): the JGZ doctor records, through the API, a consent on the
 * parent's behalf for Lotte, which sends the parent a notification. The parent reads it in
 * words (no raw key), follows its link to a page that opens (no "denied" in the family's log),
 * reads "Wie heeft gekeken" (others first, the next page, a filter on kind of access), and
 * withdraws that consent after a confirmation step, the message in view. axe at each state.
 */
import { apiSession, expect, login, type JourneyContext } from '../support.ts';

export const name = 'parent on a phone: notifications in words with links that open, the access log paged and filtered, a consent withdrawn after a yes';

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
  const view = await jgz.get<{ rule: { consenters: { userId: string | null; displayName: string; relation: string }[] } }>(`/api/v1/children/${lotte.id}/consents`);
  // The consent is for the parent who logs in below (Lotte has two parents with an account).
  const ouderMe = await ouder.get<{ id: string }>('/api/v1/me');
  const parent = view.rule.consenters.find((c) => c.relation === 'parent' && c.userId === ouderMe.id);
  expect(parent, 'the demo parent gives consent for Lotte');
  const recorded = await jgz.post(`/api/v1/children/${lotte.id}/consents`, { purpose: 'share_in_network', recipientOrganisationId: org.organisationId, consenterUserId: parent.userId, method: 'written' });
  if (recorded.status === 422) {
    // After journey 3 the parent withdrew this consent himself: only he can give it again, in Rondom.
    const own = await ouder.post(`/api/v1/children/${lotte.id}/consents`, { purpose: 'share_in_network', recipientOrganisationId: org.organisationId, method: 'in_app' });
    expect(own.status === 201 || own.status === 409, `the parent gives the consent again himself (got ${own.status})`);
  } else {
    expect(recorded.status === 201 || recorded.status === 409, `the JGZ records a consent for the parent (got ${recorded.status})`);
  }
  // The same consent twice is refused, in words.
  const twice = await jgz.post<{ error: { message: string } }>(`/api/v1/children/${lotte.id}/consents`, { purpose: 'share_in_network', recipientOrganisationId: org.organisationId, consenterUserId: parent.userId, method: 'written' });
  expect(twice.status === 409, `a second standing consent is refused with 409 (got ${twice.status})`);

  const page = await ctx.newPage({ viewport: { width: 360, height: 740 } });
  await login(page, baseUrl, 'ouder');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Meldingen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
  const list = page.locator('ul.rondom-notifications');
  await list.waitFor();
  const text = (await list.textContent()) ?? '';
  expect(!/\b[a-z]+(_[a-z0-9]+)*\.[a-z_0-9]+\b/.test(text.replace(/\d+\.\d+/g, '')), `no raw notification key on the page: ${text.slice(0, 300)}`);
  const item = list.getByRole('listitem').filter({ hasText: 'heeft toestemming voor u vastgelegd bij Lotte Vlinderhof. Klopt dat?' }).first();
  await item.waitFor();
  await ctx.axe(page, 'notifications (360 px)');
  await item.getByRole('link', { name: 'Bekijk Lotte Vlinderhof' }).click();
  await page.getByRole('heading', { level: 1, name: 'Lotte Vlinderhof' }).waitFor();
  await page.getByRole('heading', { level: 3, name: 'Toestemming' }).waitFor();
  expect(!(await page.getByRole('heading', { name: 'Pagina niet gevonden' }).count()), 'the link opened a page');

  // The consent, grouped under its organisation; confirm it, then withdraw it after a yes.
  const group = page.locator('section.rondom-consent-group').filter({ has: page.getByRole('heading', { level: 4, name: 'JGZ GGD Rondeel' }) });
  await group.waitFor();
  const confirm = group.getByRole('button', { name: 'Klopt, ik geef toestemming' });
  if (await confirm.count()) {
    await confirm.first().click();
    await page.getByText(/^U heeft de toestemming voor JGZ GGD Rondeel \(gegeven door .+\) bevestigd\.$/).waitFor();
  }
  const withdraw = group.getByRole('button', { name: /^Toestemming intrekken voor JGZ GGD Rondeel \(gegeven door / }).first();
  await withdraw.waitFor();
  const label = ((await withdraw.textContent()) ?? '').replace('Toestemming intrekken voor ', '');
  await withdraw.click();
  const ask = page.getByRole('group', { name: `Wilt u de toestemming voor ${label} intrekken?` });
  await ask.waitFor();
  await ctx.axe(page, 'withdrawal asks first (360 px)');
  await ask.getByRole('button', { name: 'Ja, intrekken' }).click();
  const done = page.getByText(`De toestemming voor ${label} is ingetrokken. Dit geldt meteen.`);
  await done.waitFor();
  const box = await done.boundingBox();
  expect(box && box.y >= 0 && box.y + box.height <= 740, `the message is in view at 360 px (${JSON.stringify(box)})`);
  const focusedInside = await page.evaluate(() => Boolean(document.activeElement?.closest('.rondom-consent-group')));
  expect(focusedInside, 'focus is on the message, where the consent was');
  await group.getByText(/^Ingetrokken door .+ op \d/).first().waitFor();
  await ctx.axe(page, 'consent withdrawn (360 px)');

  // Who looked: others first (no family rows), the next page, a filter.
  await page.getByRole('heading', { level: 3, name: 'Wie heeft gekeken' }).waitFor();
  const log = page.locator('table.rondom-access-log');
  await log.waitFor();
  expect((await log.getByRole('cell', { name: /\(gezin\)$/ }).count()) === 0, 'the family\'s own entries are left out at first');
  const cells = await log.locator('tbody td').allTextContents();
  const codes = cells.filter((c) => /^[a-z_]+$/.test(c.trim()) && !['toestemming', 'noodtoegang', 'uitnodiging', 'doorzettingsmacht', 'beoordeling', 'regisseur', 'gezin', 'coördinator'].includes(c.trim()) || /match signal|[a-z]+\.[a-z_]+/.test(c));
  expect(codes.length === 0, `no codes in the Dutch log: ${codes.slice(0, 5).join(' | ')}`);
  await page.getByRole('status').filter({ hasText: /^Pagina 1:/ }).waitFor();
  await ctx.axe(page, 'access log, others first (360 px)');
  const older = page.getByRole('button', { name: 'Oudere bekijken' });
  if (await older.count()) {
    await older.click();
    await page.getByRole('status').filter({ hasText: /^Pagina 2:/ }).waitFor();
    await page.getByRole('button', { name: 'Terug naar de nieuwste' }).waitFor();
  }
  await page.getByLabel('Soort toegang').selectOption({ label: 'bekeken' });
  await page.getByRole('button', { name: 'Tonen' }).click();
  await page.getByRole('status').filter({ hasText: /^Pagina 1:/ }).waitFor();
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('table.rondom-access-log tbody tr td:nth-child(3)')].map((td) => td.textContent ?? '');
    return cells.length > 0 && cells.every((k) => /^(bekeek|las|zag|vond)/.test(k));
  }, undefined, { timeout: 15_000 }).catch(() => undefined);
  const kinds = await log.locator('tbody tr td:nth-child(3)').allTextContents();
  expect(kinds.length > 0 && kinds.every((k) => /^(bekeek|las|zag|vond)/.test(k)), `only reads after the filter: ${kinds.slice(0, 5).join(' | ')}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `the page scrolls sideways at 360 px (${overflow} px too wide)`);
  await ctx.axe(page, 'access log filtered (360 px)');
}
