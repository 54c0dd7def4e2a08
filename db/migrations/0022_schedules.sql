-- Several schedules per host. Each host gets one default schedule ("Working hours", in the host's zone)
-- holding today's weekly hours and date overrides; meeting types with no schedule_id follow the
-- default, so this migration changes no slot (tests/integration/schedule-migration.test.ts proves it).
CREATE TABLE "schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" varchar(100) NOT NULL,
	"time_zone" varchar(64) NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "schedules_id_user_id_unique" UNIQUE("id","user_id"),
	CONSTRAINT "schedules_name_not_blank" CHECK (length(btrim("schedules"."name")) > 0)
);
--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "schedules_one_default_per_host" ON "schedules" USING btree ("user_id") WHERE "schedules"."is_default";--> statement-breakpoint
CREATE UNIQUE INDEX "schedules_user_id_name_unique" ON "schedules" USING btree ("user_id",lower("name"));--> statement-breakpoint
INSERT INTO "schedules" ("user_id", "name", "time_zone", "is_default") SELECT "id", 'Working hours', "time_zone", true FROM "users";--> statement-breakpoint
-- Every host has its default schedule from the moment it exists, whichever code made the row.
CREATE FUNCTION "create_default_schedule"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "schedules" ("user_id", "name", "time_zone", "is_default") VALUES (NEW."id", 'Working hours', NEW."time_zone", true);
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "users_default_schedule" AFTER INSERT ON "users" FOR EACH ROW EXECUTE FUNCTION "create_default_schedule"();--> statement-breakpoint
ALTER TABLE "availability_rules" ADD COLUMN "schedule_id" uuid;--> statement-breakpoint
UPDATE "availability_rules" r SET "schedule_id" = s."id" FROM "schedules" s WHERE s."user_id" = r."user_id" AND s."is_default";--> statement-breakpoint
ALTER TABLE "availability_rules" ALTER COLUMN "schedule_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "availability_overrides" ADD COLUMN "schedule_id" uuid;--> statement-breakpoint
UPDATE "availability_overrides" o SET "schedule_id" = s."id" FROM "schedules" s WHERE s."user_id" = o."user_id" AND s."is_default";--> statement-breakpoint
ALTER TABLE "availability_overrides" ALTER COLUMN "schedule_id" SET NOT NULL;--> statement-breakpoint
-- A rule or override written without a schedule (by code from before schedules) goes to the host's default.
CREATE FUNCTION "fill_default_schedule"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW."schedule_id" IS NULL THEN
		SELECT s."id" INTO NEW."schedule_id" FROM "schedules" s WHERE s."user_id" = NEW."user_id" AND s."is_default";
	END IF;
	RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "availability_rules_default_schedule" BEFORE INSERT ON "availability_rules" FOR EACH ROW EXECUTE FUNCTION "fill_default_schedule"();--> statement-breakpoint
CREATE TRIGGER "availability_overrides_default_schedule" BEFORE INSERT ON "availability_overrides" FOR EACH ROW EXECUTE FUNCTION "fill_default_schedule"();--> statement-breakpoint
-- (schedule_id, user_id) pairs: a row can never sit in another host's schedule.
ALTER TABLE "availability_rules" ADD CONSTRAINT "availability_rules_schedule_fk" FOREIGN KEY ("schedule_id","user_id") REFERENCES "public"."schedules"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_overrides" ADD CONSTRAINT "availability_overrides_schedule_fk" FOREIGN KEY ("schedule_id","user_id") REFERENCES "public"."schedules"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_availability_rules_schedule" ON "availability_rules" USING btree ("schedule_id","day_of_week","is_active");--> statement-breakpoint
CREATE INDEX "idx_availability_overrides_schedule_date" ON "availability_overrides" USING btree ("schedule_id","date");--> statement-breakpoint
-- Null follows the host's default schedule. No cascade: a schedule a meeting type uses cannot be deleted.
ALTER TABLE "meeting_types" ADD COLUMN "schedule_id" uuid;--> statement-breakpoint
ALTER TABLE "meeting_types" ADD CONSTRAINT "meeting_types_schedule_fk" FOREIGN KEY ("schedule_id","user_id") REFERENCES "public"."schedules"("id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_meeting_types_schedule" ON "meeting_types" USING btree ("schedule_id") WHERE "meeting_types"."schedule_id" is not null;
