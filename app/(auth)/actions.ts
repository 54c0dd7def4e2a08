'use server';

import { headers } from 'next/headers';
import { AuthError } from 'next-auth';
import { z } from 'zod';
import { db } from '@/lib/database';
import { failure } from '@/lib/actions/host-action';
import { type ActionResult, fieldErrorsOf } from '@/lib/actions/action-result';
import { signIn, signOut } from '@/lib/auth/auth';
import { safeRedirectPath } from '@/lib/auth/safe-redirect';
import { clientAddressOf } from '@/lib/client-address';
import { forgotPasswordSchema, requestPasswordReset, resetPassword, resetPasswordSchema } from '@/lib/hosts/accounts/password-reset';
import { signUpHost, signUpSchema } from '@/lib/hosts/accounts/sign-up';
import { localeFromAcceptLanguage } from '@/lib/hosts/host-clock';
import type { TokenProblem } from '@/lib/hosts/accounts/account-tokens';

// The public actions (no session needed): sign up, sign in, sign out, forgot and reset a password. Each is on the authorization
// test's allow-list; every other server action goes through hostAction().

export async function signUpAction(_previous: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const parsed = signUpSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, error: { code: 'invalid_request', message: 'Please check the highlighted fields.', fieldErrors: fieldErrorsOf(parsed.error) } };
  try {
    const requestHeaders = await headers();
    const locale = localeFromAcceptLanguage(requestHeaders.get('accept-language'));
    await signUpHost(db(), parsed.data, { client: clientAddressOf(requestHeaders), now: Date.now(), locale });
  } catch (error) {
    return failure(error);
  }
  await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirectTo: safeRedirectPath(form.get('callbackUrl')) });
  return { ok: true, data: null };
}

const signInFormSchema = z.object({
  email: z.string().min(1, 'Enter your email').max(255),
  password: z.string().min(1, 'Enter your password').max(1_000),
});

export async function signInAction(_previous: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const parsed = signInFormSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, error: { code: 'invalid_request', message: 'Enter your email and password.', fieldErrors: fieldErrorsOf(parsed.error) } };
  try {
    await signIn('credentials', { ...parsed.data, redirectTo: safeRedirectPath(form.get('callbackUrl')) });
  } catch (error) {
    // SignInThrottled (from authorize) is an AuthError whose code says so.
    if (error instanceof AuthError && (error as { code?: string }).code === 'throttled') {
      return { ok: false, error: { code: 'rate_limited', message: 'Too many sign-in attempts. Please wait a few minutes and try again.' } };
    }
    // The same answer for an unknown email and a wrong password.
    if (error instanceof AuthError) return { ok: false, error: { code: 'unauthorized', message: 'That email and password do not match an account.' } };
    throw error;
  }
  return { ok: true, data: null };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/signin' });
}

/** The same answer whether or not an account has this address; limited per address and per client. */
export async function forgotPasswordAction(_previous: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const parsed = forgotPasswordSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, error: { code: 'invalid_request', message: 'Please check the highlighted fields.', fieldErrors: fieldErrorsOf(parsed.error) } };
  try {
    await requestPasswordReset(db(), parsed.data, { client: clientAddressOf(await headers()), now: Date.now() });
  } catch (error) {
    return failure(error);
  }
  return { ok: true, data: null };
}

/** A link that cannot work answers with what went wrong (`problem`), never whose it was. */
export async function resetPasswordAction(_previous: ActionResult<null, TokenProblem> | null, form: FormData): Promise<ActionResult<null, TokenProblem>> {
  const parsed = resetPasswordSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, error: { code: 'invalid_request', message: 'Please check the highlighted fields.', fieldErrors: fieldErrorsOf(parsed.error) } };
  const result = await resetPassword(db(), parsed.data, new Date());
  if (!result.ok) return { ok: false, error: { code: 'invalid_request', message: 'This reset link cannot be used.', problem: result.problem } };
  return { ok: true, data: null };
}
