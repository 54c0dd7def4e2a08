ALTER TABLE "bookings" ADD COLUMN "tracking" jsonb;--> statement-breakpoint
ALTER TABLE "email_notifications" ADD COLUMN "text_body" text;--> statement-breakpoint
ALTER TABLE "email_notifications" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "email_notifications" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "email_notifications" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "host_reminder_emails" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "email_notifications" ADD CONSTRAINT "email_notifications_status" CHECK ("email_notifications"."status" in ('pending', 'sent', 'captured', 'failed'));