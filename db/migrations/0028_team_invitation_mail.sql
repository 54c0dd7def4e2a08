-- A team invitation is mailed once per invitation row (a resend is a new row), as account links are
-- once per token: the unique key claims the message before the first attempt.
ALTER TABLE "email_notifications" ADD COLUMN "team_invitation_id" uuid;--> statement-breakpoint
ALTER TABLE "email_notifications" ADD CONSTRAINT "email_notifications_team_invitation_id_team_invitations_id_fk" FOREIGN KEY ("team_invitation_id") REFERENCES "public"."team_invitations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_notifications" ADD CONSTRAINT "email_notifications_team_invitation_once" UNIQUE("team_invitation_id");
