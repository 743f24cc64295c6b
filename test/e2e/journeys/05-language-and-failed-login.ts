/** Switching to English changes the texts and <html lang>; a failed login says why and keeps the input. */
import { demoEmail, expect, type JourneyContext } from '../support.ts';

export const name = 'language switch and a failed login';

export async function run(ctx: JourneyContext): Promise<void> {
  const { page, baseUrl } = ctx;
  await page.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang) === 'en', 'html lang is en');

  // Empty submit: plain-language errors next to the fields.
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByText('Enter your email address.').waitFor();
  await page.getByText('Enter your password.').waitFor();

  await page.getByLabel('Email address').fill(demoEmail('wijkteam'));
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByText('Email address or password is incorrect.').waitFor();
  expect(await page.getByLabel('Email address').inputValue() === demoEmail('wijkteam'), 'the e-mail address is kept after a failed login');

  await page.getByRole('button', { name: 'Nederlands' }).click();
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang) === 'nl', 'html lang is back to nl');
}
