'use server';

import { z } from 'zod';
import { hostAction } from '@/lib/actions/host-action';
import { resendVerificationEmail } from '@/lib/hosts/accounts/email-verification';
import { onboardingMarkSchema, recordOnboardingMark } from '@/lib/hosts/onboarding/record-step';

// Actions every dashboard page can reach (the layout's banner).

/** "Resend" on the "Confirm your email" banner; limited per account. */
export const resendVerificationAction = hostAction(z.object({}), (_input, ctx) => resendVerificationEmail(ctx));

/** The first-run checklist: "these hours are right", "link copied", "hide the list". */
export const onboardingMarkAction = hostAction(onboardingMarkSchema, (input, ctx) => recordOnboardingMark(ctx, input));
