/**
 * A professional changes their password on a phone: the current password is asked again, a
 * wrong one is said next to its field, the new one works at the next login (and is set back
 * afterwards, so the demo logins stay as printed). Then they turn on two-step verification
 * (the key shown under the QR code gives the code, as an authenticator app would) and the next
 * login asks for a code. This journey's user is used by no other journey.
 */
import * as OTPAuth from 'otpauth';
import { DEMO_PASSWORD, demoEmail, expect, login, type JourneyContext } from '../support.ts';

export const name = 'a professional changes their password and turns on two-step verification on a phone';

const NEW_PASSWORD = 'Kim-haar-eigen-wachtwoord-7';

async function change(page: import('playwright-core').Page, current: string, next: string): Promise<void> {
  await page.getByLabel('Huidig wachtwoord').fill(current);
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(next);
  await page.getByLabel('Nieuw wachtwoord nog een keer').fill(next);
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
}

export async function run(ctx: JourneyContext): Promise<void> {
  const page = await ctx.newPage({ viewport: { width: 360, height: 740 } });
  await login(page, ctx.baseUrl, 'kinderopvang');
  await page.getByRole('link', { name: 'Mijn account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
  await page.getByText('Kinderopvang Het Nest').waitFor();

  await change(page, 'niet-mijn-wachtwoord', NEW_PASSWORD);
  await page.getByText('Uw huidige wachtwoord klopt niet.').first().waitFor();
  expect(await page.locator('.utrecht-form-field__error-message', { hasText: 'Uw huidige wachtwoord klopt niet.' }).count() === 1, 'the field itself says the current password is wrong');
  const invalid = await page.getByLabel('Huidig wachtwoord').getAttribute('aria-invalid');
  expect(invalid === 'true', 'the current-password field is marked invalid');

  await change(page, DEMO_PASSWORD, NEW_PASSWORD);
  await page.getByText('Uw wachtwoord is gewijzigd.', { exact: false }).waitFor();
  expect(await page.getByLabel('Huidig wachtwoord').inputValue() === '', 'the form is emptied after the change');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `the page scrolls sideways at 360 px (${overflow} px too wide)`);

  // The new password is the one that works now.
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.getByLabel('E-mailadres').fill(demoEmail('kinderopvang'));
  await page.getByLabel('Wachtwoord', { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('link', { name: 'Mijn account' }).click();
  await change(page, NEW_PASSWORD, DEMO_PASSWORD);
  await page.getByText('Uw wachtwoord is gewijzigd.', { exact: false }).waitFor();

  // Two-step verification: a wrong code is refused, the right one turns it on.
  await page.getByRole('button', { name: 'Tweestapsverificatie instellen' }).click();
  await page.getByRole('img', { name: 'QR-code voor uw authenticator-app' }).waitFor();
  const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
  const totp = new OTPAuth.TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });
  const right = totp.generate();
  await page.getByLabel('Code uit de app (6 cijfers)').fill(right === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Code controleren en aanzetten' }).click();
  await page.locator('.utrecht-form-field__error-message', { hasText: 'Deze code klopt niet. Vul de code in die de app nu laat zien.' }).waitFor();
  await page.getByLabel('Code uit de app (6 cijfers)').fill(totp.generate());
  await page.getByRole('button', { name: 'Code controleren en aanzetten' }).click();
  await page.getByText('Tweestapsverificatie staat aan. Op andere apparaten bent u nu uitgelogd.').waitFor();

  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.getByLabel('E-mailadres').fill(demoEmail('kinderopvang'));
  await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  // The code that turned it on is spent (accepted once); an app would show the next one.
  await page.getByLabel('Code uit uw app').fill(totp.generate({ timestamp: Date.now() + 30_000 }));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('link', { name: 'Mijn account' }).click();
  await page.getByText('Tweestapsverificatie staat aan: bij het inloggen vraagt Rondom om een code uit uw app.').waitFor();
}
