import type { Page } from 'playwright-core';
import { baseUrl } from './browser';

/** Signs in through the real form, as a person would; resolves once the app navigated away from it. */
export async function signInThroughForm(page: Page, email: string, password: string, path = '/signin'): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}
