-- The dashboard's first-run checklist: what the host said they did ("these hours are right", "link
-- copied") and whether they put the list away. The other steps are read from real state.
CREATE TABLE "host_onboarding" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"hours_checked_at" timestamp with time zone,
	"link_copied_at" timestamp with time zone,
	"dismissed_at" timestamp with time zone
);--> statement-breakpoint
ALTER TABLE "host_onboarding" ADD CONSTRAINT "host_onboarding_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- Hosts who were here before the checklist know their way around: theirs starts put away.
INSERT INTO "host_onboarding" ("user_id", "dismissed_at") SELECT "id", now() FROM "users";
