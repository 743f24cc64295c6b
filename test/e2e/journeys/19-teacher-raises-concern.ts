/**
 * The front door: a teacher (Lieke Leerkracht, OBS De Kring) starts from her home's "Wat kunt u
 * doen?", raises a concern about a new pupil (an empty form first: the error summary names every
 * wrong field and focus goes to the first), and reaches the pupil's page from the result. Then a
 * youth-care worker has already registered another child; when the teacher raises a concern about
 * that child on a phone, she learns only that her request was sent, who decides and what happens
 * next — nothing of the record (no link, no name of who is involved, not their question).
 */
import { expect, login, type JourneyContext } from '../support.ts';

export const name = 'front door: a teacher raises a concern about a new pupil and about a known one';

const overflowOf = (p: import('playwright-core').Page) => p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

export async function run(ctx: JourneyContext): Promise<void> {
  const { page, baseUrl } = ctx;
  await login(page, baseUrl, 'leerkracht');
  const next = page.getByRole('region', { name: 'Wat kunt u doen?' });
  await next.getByRole('link', { name: 'Anoniem advies vragen' }).waitFor();
  await ctx.axe(page, 'teacher home with next steps');
  await next.getByRole('link', { name: 'Zorg melden' }).click();
  await page.getByRole('heading', { level: 1, name: 'Zorg melden' }).waitFor();
  expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Zorg melden' }).getAttribute('aria-current') === 'page',
    'Zorg melden is the current menu item');
  await page.getByText('Praat eerst met de ouders, en met het kind als dat kan.', { exact: false }).waitFor();

  // An empty form: the summary lists what is wrong and focus lands on the first wrong field.
  await page.getByRole('button', { name: 'Zorg melden' }).click();
  const summary = page.locator('.rondom-error-summary');
  await summary.getByRole('heading', { name: 'Er zijn 6 dingen niet goed ingevuld' }).waitFor();
  await summary.getByRole('link', { name: 'Weten de ouders van deze vraag?: Kies of de ouders van deze vraag weten.' }).waitFor();
  await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.name === 'givenName');
  // A link in the summary takes focus to its field.
  await summary.getByRole('link', { name: /^Wat is er aan de hand\?/ }).click();
  await page.waitForFunction(() => (document.activeElement as HTMLTextAreaElement | null)?.name === 'text');
  await ctx.axe(page, 'Zorg melden with the error summary');

  await page.getByLabel('Voornaam').fill('Milou');
  await page.getByLabel('Achternaam').fill('Morgenster');
  await page.getByLabel('Geboortedatum').fill('2018-03-14');
  await page.getByLabel('Nee, nog niet').check();
  // Not yet talked with the parents: the advice to do so, and a way to ask advice without a name.
  await page.getByText('Bespreek uw zorg zo snel mogelijk met de ouders.', { exact: false }).waitFor();
  await page.getByRole('main').getByRole('link', { name: 'Anoniem advies vragen' }).waitFor();
  await page.getByLabel('Wat is er aan de hand?').fill('Milou zegt dat ze thuis niet goed slaapt. Ze is moe en stil in de klas.');
  await page.getByLabel('Dit zijn de eigen woorden van het kind of de ouders').check();
  await page.getByLabel('School', { exact: true }).check();
  await page.getByLabel('Thuis', { exact: true }).check();
  // Fixing a field updates the summary when sent again: here, everything is right.
  await page.getByRole('button', { name: 'Zorg melden' }).click();
  await page.getByRole('heading', { level: 1, name: 'Uw zorg is gemeld' }).waitFor();
  await page.getByText('Milou Morgenster is aangemeld met uw vraag.', { exact: false }).waitFor();
  await page.getByText('Bespreek uw zorg met de ouders. De regisseur ziet dat ze het nog niet weten.').waitFor();
  await ctx.axe(page, 'concern raised: registered');
  await page.getByRole('link', { name: 'Naar Milou Morgenster' }).click();
  await page.getByRole('heading', { level: 1, name: 'Milou Morgenster' }).waitFor();

  // A youth-care worker registers Bram first.
  const other = await ctx.newPage();
  await login(other, baseUrl, 'jeugdhulp');
  await other.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Zorg melden' }).click();
  await other.getByLabel('Voornaam').fill('Bram');
  await other.getByLabel('Achternaam').fill('Brugman');
  await other.getByLabel('Geboortedatum').fill('2016-09-02');
  await other.getByLabel('Ja, ik heb het met de ouders besproken').check();
  await other.getByLabel('Wat is er aan de hand?').fill('Moeder vertelt dat Bram na de scheiding vaak boos is.');
  await other.getByLabel('Thuis', { exact: true }).check();
  await other.getByRole('button', { name: 'Zorg melden' }).click();
  await other.getByRole('heading', { level: 1, name: 'Uw zorg is gemeld' }).waitFor();

  // The teacher, on a phone, raises a concern about Bram: a join request, and nothing of the record.
  const phone = await ctx.newPage({ viewport: { width: 360, height: 740 } });
  await login(phone, baseUrl, 'leerkracht');
  await phone.getByRole('region', { name: 'Wat kunt u doen?' }).getByRole('link', { name: 'Zorg melden' }).click();
  await phone.getByRole('heading', { level: 1, name: 'Zorg melden' }).waitFor();
  await ctx.axe(phone, 'Zorg melden (360 px)');
  await phone.getByLabel('Voornaam').fill('Bram');
  await phone.getByLabel('Achternaam').fill('Brugman');
  await phone.getByLabel('Geboortedatum').fill('2016-09-02');
  await phone.getByLabel('Ja, ik heb het met de ouders besproken').check();
  await phone.getByLabel('Wat is er aan de hand?').fill('Bram valt in de klas vaak stil en wil niet buiten spelen.');
  await phone.getByLabel('School', { exact: true }).check();
  await phone.getByRole('button', { name: 'Zorg melden' }).click();
  await phone.getByRole('heading', { level: 1, name: 'Uw verzoek is verstuurd' }).waitFor();
  await phone.getByRole('heading', { level: 2, name: 'Wie beslist?' }).waitFor();
  await phone.getByText('De regisseur van het netwerk beslist.', { exact: false }).waitFor();
  await phone.getByText('U krijgt een bericht als er is beslist.', { exact: false }).waitFor();
  const main = await phone.locator('main').innerText();
  expect(await phone.locator('main a[href^="/children/"]').count() === 0, 'the teacher gets no link to the child');
  for (const secret of ['Jasper', 'Jeugdhulp De Brug', 'scheiding']) expect(!main.includes(secret), `the result reveals "${secret}" of the record`);
  expect(await overflowOf(phone) <= 0, 'the result scrolls sideways at 360 px');
  await ctx.axe(phone, 'concern raised: join request (360 px)');
  await phone.getByRole('link', { name: 'Bekijk uw verzoeken' }).click();
  await phone.getByRole('heading', { level: 1, name: 'Verzoeken' }).waitFor();
  expect(await phone.getByText('Bram').count() === 0, 'the pending request does not name the child');
}
