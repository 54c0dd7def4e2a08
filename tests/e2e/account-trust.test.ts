import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { linkFromMail, signUpThroughForm, verifyFromMail } from './account-mail';
import { checkPageState } from './axe';
import { baseUrl, hasBrowser, launchBrowserPerFile } from './browser';
import { signInThroughForm } from './sign-in';

// Issue 14 in Chromium on the production build: a new host verifies their address from the mail
// before their page takes bookings; a forgotten password is reset by mail and the old session dies;
// signing out makes a copied session cookie worthless at once.

const browser = launchBrowserPerFile();

describe.skipIf(!hasBrowser)('accounts people can trust', () => {
  it('sign up → "Confirm your email" → verify from the mail → the booking page takes bookings', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    const host = await signUpThroughForm(page, 'vera');
    await page.getByRole('heading', { name: 'Confirm your email' }).waitFor();
    await checkPageState(page, 'dashboard-verify-banner');
    await page.getByRole('button', { name: 'Resend' }).click();
    await page.getByText(`Sent. Check ${host.email}.`).waitFor();

    await page.goto(`${baseUrl}/dashboard/meeting-types/new`);
    await page.getByLabel('Name', { exact: true }).fill('First call');
    await page.getByRole('button', { name: 'Create meeting type' }).click();
    await page.waitForURL(`${baseUrl}/dashboard/meeting-types`);
    expect((await fetch(`${baseUrl}/${host.username}/first-call`)).status).toBe(404);

    await verifyFromMail(page, host.email);
    await checkPageState(page, 'verify-email-done');
    await page.goto(`${baseUrl}/dashboard`);
    expect(await page.getByRole('heading', { name: 'Confirm your email' }).count()).toBe(0);
    const publicPage = await context.newPage();
    expect((await publicPage.goto(`${baseUrl}/${host.username}/first-call`))?.status()).toBe(200);
    await publicPage.getByRole('button', { name: /^Book / }).first().or(publicPage.getByRole('button', { name: 'Next month' })).first().waitFor();
    await context.close();
  });

  it('a used, an expired-looking and a forged link each get a clear page, never a 500', async () => {
    const page = await browser().newPage();
    for (const path of ['/verify-email?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '/verify-email', '/reset-password?token=%3Cscript%3E', '/reset-password']) {
      const response = await page.goto(`${baseUrl}${path}`);
      expect(response?.status(), path).toBe(200);
      await page.getByText('This link is not valid').waitFor();
    }
    await checkPageState(page, 'reset-password-invalid');
    await page.close();
  });

  it('forgot → reset from the mail → the old session is dead; the link then says it was used', async () => {
    const signedIn = await browser().newContext();
    const oldPage = await signedIn.newPage();
    const host = await signUpThroughForm(oldPage, 'rosa');
    await verifyFromMail(oldPage, host.email);

    const elsewhere = await browser().newContext();
    const page = await elsewhere.newPage();
    await page.goto(`${baseUrl}/signin`);
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.waitForURL(`${baseUrl}/forgot-password`);
    await checkPageState(page, 'forgot-password');
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText('Enter your email').waitFor();
    await page.getByLabel('Email').fill(host.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText('Check your email').waitFor();
    await checkPageState(page, 'forgot-password-sent');

    const link = await linkFromMail(host.email, 'reset_password');
    await page.goto(`${baseUrl}${link}`);
    await checkPageState(page, 'reset-password');
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('Use at least 10 characters').waitFor();
    await page.getByLabel('New password').fill('a brand new password');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('Your password is set').waitFor();

    await oldPage.goto(`${baseUrl}/dashboard`);
    await oldPage.waitForURL(/\/signin\?callbackUrl=/);
    await signInThroughForm(page, host.email, 'a brand new password');
    expect(new URL(page.url()).pathname).toBe('/dashboard');

    await page.goto(`${baseUrl}${link}`);
    await page.getByText('This link was already used').waitFor();
    await checkPageState(page, 'reset-password-used');
    await signedIn.close();
    await elsewhere.close();
  });

  it('sign out → a copied session cookie is refused at once', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await signInThroughForm(page, 'demo@example.com', 'demo-password');
    const copied = await context.cookies();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);

    const thief = await browser().newContext();
    await thief.addCookies(copied);
    const stolen = await thief.newPage();
    await stolen.goto(`${baseUrl}/dashboard`);
    await stolen.waitForURL(/\/signin\?callbackUrl=/);
    expect(await stolen.evaluate(async () => (await fetch('/api/auth/session')).json())).toBeNull();
    await thief.close();
    await context.close();
  });

  it('settings: email change, sessions, download and delete (with a typed confirmation)', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    const host = await signUpThroughForm(page, 'dora');
    await verifyFromMail(page, host.email);
    await page.goto(`${baseUrl}/dashboard/settings`);
    await page.getByRole('button', { name: 'Send confirmation link' }).click();
    await page.getByText('Enter a valid email address').waitFor();
    const newEmail = `new-${host.email}`;
    await page.getByLabel('New email address').fill(newEmail);
    await page.getByRole('button', { name: 'Send confirmation link' }).click();
    await page.getByText(`We sent a confirmation link to ${newEmail}`).waitFor();
    await page.getByRole('button', { name: 'Sign out of all other sessions' }).click();
    await page.getByText('Signed out of 0 other sessions.').waitFor();
    await checkPageState(page, 'settings-account');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download my data' }).click();
    const file = await (await download).path();
    const data = JSON.parse(await readFile(file, 'utf8'));
    expect(data.profile.username).toBe(host.username);

    await page.getByRole('button', { name: 'Delete account' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByLabel(/Type your username/).fill('wrong');
    await dialog.getByRole('button', { name: 'Delete account' }).click();
    await dialog.getByText(`Type your username, ${host.username}, to confirm.`).first().waitFor();
    await checkPageState(page, 'settings-delete-dialog');
    await dialog.getByLabel(/Type your username/).fill(host.username);
    await dialog.getByRole('button', { name: 'Delete account' }).click();
    await page.waitForURL(`${baseUrl}/`);
    expect((await fetch(`${baseUrl}/${host.username}`)).status).toBe(404);
    await context.close();
  });
});
