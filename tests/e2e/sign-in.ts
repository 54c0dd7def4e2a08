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

/**
 * Signs the page's browser context in over HTTP, as the form's server action does (Auth.js's CSRF
 * token, then the credentials callback), without loading the sign-in page and the dashboard it lands
 * on. For tests about something else; the form itself is tested with signInThroughForm.
 */
export async function signInOverHttp(page: Page, email: string, password: string): Promise<void> {
  const request = page.context().request;
  const csrf = await request.get(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const reply = await request.post(`${baseUrl}/api/auth/callback/credentials`, {
    form: { email, password, csrfToken, callbackUrl: `${baseUrl}/dashboard` },
    maxRedirects: 0,
  });
  const cookies = await page.context().cookies(baseUrl);
  if (!cookies.some((cookie) => cookie.name === 'authjs.session-token')) {
    throw new Error(`sign-in over HTTP failed for ${email}: HTTP ${reply.status()}, location ${reply.headers().location ?? '(none)'}`);
  }
}
