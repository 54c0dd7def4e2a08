CREATE TABLE "username_redirects" (
	"username" varchar(64) PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meeting_types" DROP CONSTRAINT "meeting_types_user_id_slug_unique";--> statement-breakpoint
ALTER TABLE "meeting_types" ADD COLUMN "min_change_notice_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_types" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "session_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "username_redirects" ADD CONSTRAINT "username_redirects_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_types_user_id_slug_unique" ON "meeting_types" USING btree ("user_id","slug") WHERE "meeting_types"."deleted_at" is null;--> statement-breakpoint
ALTER TABLE "meeting_types" ADD CONSTRAINT "meeting_types_change_notice_range" CHECK ("meeting_types"."min_change_notice_minutes" between 0 and 525600);