/**
 * Issue 18, the defects a real browser showed. A young person (Sem Merelaar, 16) reads his page
 * on a 360 px phone: the header leaves room for the page title, the texts say je/jij, no word in a
 * table is broken mid-word (a table wider than the screen scrolls in a labelled region with a
 * hint), dates are in words, no heading repeats the one above it and no link is browser-default
 * blue. A professional fails a form (a summary links to the wrong field, focus on it) and then
 * sends it (focus on the confirmation).
 */
import type { Page } from 'playwright-core';
import { expect, login, type JourneyContext } from '../support.ts';

export const name = 'issue 18: a young person reads his page at 360 px (je/jij, whole words, dates in words); a failed then sent form keeps the focus';

/** Words in table cells that the browser broke over two lines (a word with more than one line box). */
async function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const cell of Array.from(document.querySelectorAll('main td, main th'))) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        for (const m of text.matchAll(/[^\s—–-]+/g)) {
          const range = document.createRange();
          range.setStart(n, m.index);
          range.setEnd(n, m.index + m[0].length);
          const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) out.push(m[0]);
        }
      }
    }
    return out;
  });
}

/** Page checks every screen of the young person must pass at 360 px. */
async function phoneChecks(page: Page, where: string): Promise<void> {
  const broken = await brokenWords(page);
  expect(broken.length === 0, `${where}: words broken mid-word in a table: ${broken.slice(0, 5).join(', ')}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `${where}: the page scrolls sideways at 360 px (${overflow} px too wide)`);
  const iso = await page.evaluate(() => /\b\d{4}-\d{2}-\d{2}\b/.exec(document.querySelector('main')?.innerText ?? '')?.[0] ?? null);
  expect(iso === null, `${where}: a date is shown as ${iso}, not in words`);
  // Every table wider than its box scrolls inside a labelled, focusable region with a visible hint.
  const hidden = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('.rondom-table-scroll'))
    .filter((box) => box.scrollWidth > box.clientWidth + 1)
    .filter((box) => box.getAttribute('role') !== 'region' || box.tabIndex !== 0 || !box.getAttribute('aria-label')
      || !box.parentElement?.querySelector('.rondom-table-hint')?.textContent)
    .length);
  expect(hidden === 0, `${where}: ${hidden} wide table(s) without a labelled, focusable region and hint`);
  // No section heading repeats the heading right above it (h2 "Plan", then h3 "Het plan").
  const repeated = await page.evaluate(() => {
    // Names without a leading article ("Het plan" repeats "Plan"); no named helpers in here (the bundler's __name is not in the page).
    const hs = Array.from(document.querySelectorAll('main h2, main h3'))
      .map((h) => ({ tag: h.tagName, text: (h.textContent ?? '').trim().toLowerCase().replace(/^(het|de|mijn)\s+/, '') }));
    return hs.filter((h, i) => i > 0 && h.tag === 'H3' && hs[i - 1]!.tag === 'H2' && h.text === hs[i - 1]!.text).map((h) => h.text);
  });
  expect(repeated.length === 0, `${where}: a heading repeats the one above it: ${repeated.join(', ')}`);
  const blue = await page.evaluate(() => Array.from(document.querySelectorAll('a')).filter((a) => getComputedStyle(a).color === 'rgb(0, 0, 238)').map((a) => a.textContent));
  expect(blue.length === 0, `${where}: browser-default blue link(s): ${blue.join(', ')}`);
  const h5 = await page.evaluate(() => {
    const p = document.querySelector('main p');
    return Array.from(document.querySelectorAll('main h5')).filter((h) => p && parseFloat(getComputedStyle(h).fontSize) < parseFloat(getComputedStyle(p).fontSize)).length;
  });
  expect(h5 === 0, `${where}: an h5 is smaller than the body text`);
}

export async function run(ctx: JourneyContext): Promise<void> {
  const phone = await ctx.newPage({ viewport: { width: 360, height: 740 } });
  await login(phone, ctx.baseUrl, 'jongere');
  await phone.getByRole('heading', { level: 2, name: 'Mijn plan' }).waitFor();

  // The header is compact: the page title starts in the top quarter of the phone's screen.
  const titleTop = await phone.evaluate(() => document.querySelector('h1')?.getBoundingClientRect().top ?? 9999);
  expect(titleTop <= 185, `the page title starts ${titleTop} px down a 740 px phone screen (the header is too tall)`);

  // Next to "Over jou" the young person is addressed as je/jij.
  await phone.getByRole('heading', { level: 3, name: 'Over jou' }).waitFor();
  await phone.getByText('Hier zie je je plan, wie meehelpt en wat er over jou gedeeld is.').waitFor();
  expect(await phone.getByText('Hier ziet u uw plan').count() === 0, 'the home does not say "u" to the young person');
  await phoneChecks(phone, 'home');
  await ctx.axe(phone, 'young person home (360 px)');

  // His page: no "0 jaar" or ISO dates, and the sections.
  await phone.getByRole('link', { name: 'Mijn plan' }).first().click();
  await phone.getByRole('heading', { level: 1, name: 'Jouw pagina' }).waitFor();
  const born = await phone.locator('main p').first().textContent();
  expect(/^Geboren op \d{1,2} [a-z]+ \d{4} — \d+ jaar/.test(born ?? ''), `the birth line is in words (got "${born}")`);
  await phoneChecks(phone, 'plan');
  await ctx.axe(phone, 'young person plan (360 px)');

  const sub = phone.getByRole('navigation', { name: 'Onderdelen' });
  await sub.getByRole('link', { name: 'Wie helpt mee' }).click();
  await phone.getByRole('heading', { level: 2, name: 'Wie helpt mee' }).waitFor();
  await phone.locator('main table').first().waitFor();
  await phoneChecks(phone, 'network');
  await ctx.axe(phone, 'young person network (360 px)');

  await sub.getByRole('link', { name: 'Wat is er gedeeld' }).click();
  await phone.getByRole('heading', { level: 3, name: 'Wie heeft gekeken' }).waitFor();
  await phone.locator('main table').first().waitFor();
  await phoneChecks(phone, 'sharing');
  // A wide table's region takes the keyboard focus (arrow keys scroll it).
  const region = phone.locator('.rondom-table-scroll[role="region"]').first();
  if (await region.count()) {
    await region.focus();
    await phone.keyboard.press('ArrowRight');
    expect(await region.evaluate((el) => el === document.activeElement), 'the table region keeps the focus');
  }
  await ctx.axe(phone, 'young person sharing (360 px)');

  // A professional's phone: the long main menu scrolls on one line; the page itself does not scroll sideways.
  const proPhone = await ctx.newPage({ viewport: { width: 360, height: 740 } });
  await login(proPhone, ctx.baseUrl, 'wijkteam');
  await proPhone.locator('h1').first().waitFor();
  const proTop = await proPhone.evaluate(() => document.querySelector('h1')?.getBoundingClientRect().top ?? 9999);
  expect(proTop <= 185, `a professional's page title starts ${proTop} px down a 740 px phone screen`);
  await phoneChecks(proPhone, 'professional home');
  await proPhone.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Ondersteuningsteam' }).waitFor();
  await ctx.axe(proPhone, 'professional home (360 px)');

  // A professional comments on Lotte's plan: first with nothing written.
  const { page, baseUrl } = ctx;
  await login(page, baseUrl, 'wijkteam');
  await page.locator('table.rondom-worklist').getByRole('link', { name: 'Lotte Vlinderhof' }).click();
  await page.getByRole('heading', { level: 1, name: 'Lotte Vlinderhof' }).waitFor();
  await page.getByRole('navigation', { name: 'Onderdelen' }).getByRole('link', { name: 'Plan' }).click();
  const version = page.getByRole('region', { name: /^Versie \d+$/ }).first();
  const field = version.getByLabel(/^Uw reactie op versie \d+$/);
  await field.waitFor();
  await version.getByRole('button', { name: 'Alleen reactie sturen' }).click();

  // The summary at the top of the form names the field and links to it; focus is on the field.
  const summary = version.locator('.rondom-error-summary');
  await summary.getByRole('heading', { name: 'Er is 1 ding niet goed ingevuld' }).waitFor();
  await version.getByText('Schrijf eerst een reactie.').waitFor();
  await page.waitForFunction(() => (document.activeElement as HTMLTextAreaElement | null)?.tagName === 'TEXTAREA');
  expect(await field.evaluate((el) => el === document.activeElement), 'focus is on the wrong field');
  await ctx.axe(page, 'plan comment with the error summary');
  await page.keyboard.press('Shift+Tab');
  await summary.getByRole('link', { name: /^Uw reactie op versie \d+$/ }).click();
  expect(await field.evaluate((el) => el === document.activeElement), 'the summary link moves focus to the field');

  // Now with a comment: the confirmation takes the focus (not the page body).
  await field.fill('Goed dat de mentor er nu is. Ik spreek Lotte volgende week.');
  await version.getByRole('button', { name: 'Alleen reactie sturen' }).click();
  await version.getByText('Uw reactie is opgeslagen.').waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains('rondom-confirmation') ?? false);
  expect(await version.locator('.rondom-error-summary').count() === 0, 'the summary is gone after a good send');
  await ctx.axe(page, 'plan comment sent');
}
