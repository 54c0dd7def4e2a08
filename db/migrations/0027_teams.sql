-- Teams (issue 20): a team has members with a role, takes members by emailed invitation, and owns
-- meeting types that are round robin (one free member is assigned) or collective (every member attends).
-- A team's meeting type has no owning user: exactly one of meeting_types.user_id and team_id is set.
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(255) NOT NULL,
	"slug" varchar(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teams_slug_unique" UNIQUE("slug"),
	CONSTRAINT "teams_slug_format" CHECK ("teams"."slug" ~ '^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$'),
	CONSTRAINT "teams_name_not_blank" CHECK (length(btrim("teams"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"team_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" varchar(20) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_members_pk" PRIMARY KEY("team_id","user_id"),
	CONSTRAINT "team_members_role_valid" CHECK ("team_members"."role" in ('owner', 'admin', 'member'))
);
--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_team_members_user" ON "team_members" USING btree ("user_id");--> statement-breakpoint
-- An invitation: the link's token is never stored, only its hash; an address has at most one open invitation per team.
CREATE TABLE "team_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"email" varchar(255) NOT NULL,
	"role" varchar(20) NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"invited_by_user_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by_user_id" uuid,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_invitations_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "team_invitations_role_valid" CHECK ("team_invitations"."role" in ('owner', 'admin', 'member')),
	CONSTRAINT "team_invitations_email_canonical" CHECK ("team_invitations"."email" = lower(btrim("team_invitations"."email"))),
	CONSTRAINT "team_invitations_accepted_or_revoked" CHECK ("team_invitations"."accepted_at" is null or "team_invitations"."revoked_at" is null)
);
--> statement-breakpoint
ALTER TABLE "team_invitations" ADD CONSTRAINT "team_invitations_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_invitations" ADD CONSTRAINT "team_invitations_invited_by_user_id_users_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_invitations" ADD CONSTRAINT "team_invitations_accepted_by_user_id_users_id_fk" FOREIGN KEY ("accepted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "team_invitations_one_open_per_email" ON "team_invitations" USING btree ("team_id","email") WHERE "team_invitations"."accepted_at" is null and "team_invitations"."revoked_at" is null;--> statement-breakpoint
-- A team's meeting type: no owning user, a team and how it schedules. Members' own default schedules
-- give its hours, so it names none. Seats and approval are single-host features for now.
ALTER TABLE "meeting_types" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_types" ADD COLUMN "team_id" uuid;--> statement-breakpoint
ALTER TABLE "meeting_types" ADD COLUMN "scheduling_type" varchar(20);--> statement-breakpoint
ALTER TABLE "meeting_types" ADD CONSTRAINT "meeting_types_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_types" ADD CONSTRAINT "meeting_types_owner_xor_team" CHECK (("meeting_types"."user_id" is null) <> ("meeting_types"."team_id" is null));--> statement-breakpoint
ALTER TABLE "meeting_types" ADD CONSTRAINT "meeting_types_scheduling_type_valid" CHECK (("meeting_types"."team_id" is null and "meeting_types"."scheduling_type" is null) or ("meeting_types"."team_id" is not null and "meeting_types"."scheduling_type" in ('round_robin', 'collective')));--> statement-breakpoint
ALTER TABLE "meeting_types" ADD CONSTRAINT "meeting_types_team_type_single_host_features" CHECK ("meeting_types"."team_id" is null or ("meeting_types"."schedule_id" is null and "meeting_types"."seats_per_slot" is null and not "meeting_types"."requires_confirmation"));--> statement-breakpoint
ALTER TABLE "meeting_types" ADD CONSTRAINT "meeting_types_id_team_id_unique" UNIQUE("id","team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_types_team_id_slug_unique" ON "meeting_types" USING btree ("team_id","slug") WHERE "meeting_types"."deleted_at" is null and "meeting_types"."team_id" is not null;--> statement-breakpoint
-- Who a team meeting type can be booked with: members only (removing a member removes them here),
-- each with a weight (share of round-robin bookings) and a priority (0 lowest .. 4 highest).
CREATE TABLE "meeting_type_hosts" (
	"meeting_type_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"weight" integer DEFAULT 100 NOT NULL,
	"priority" integer DEFAULT 2 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_type_hosts_pk" PRIMARY KEY("meeting_type_id","user_id"),
	CONSTRAINT "meeting_type_hosts_weight_range" CHECK ("meeting_type_hosts"."weight" between 0 and 1000),
	CONSTRAINT "meeting_type_hosts_priority_range" CHECK ("meeting_type_hosts"."priority" between 0 and 4)
);
--> statement-breakpoint
ALTER TABLE "meeting_type_hosts" ADD CONSTRAINT "meeting_type_hosts_meeting_type_fk" FOREIGN KEY ("meeting_type_id","team_id") REFERENCES "public"."meeting_types"("id","team_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_type_hosts" ADD CONSTRAINT "meeting_type_hosts_member_fk" FOREIGN KEY ("team_id","user_id") REFERENCES "public"."team_members"("team_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_meeting_type_hosts_user" ON "meeting_type_hosts" USING btree ("user_id");--> statement-breakpoint
-- A booking's host must be its meeting type's owner, or a member of its team. This was a composite
-- foreign key to meeting_types(id, user_id), which a team type (no user) cannot satisfy; the trigger
-- keeps its name and SQLSTATE so callers see the same refusal.
ALTER TABLE "bookings" DROP CONSTRAINT "bookings_meeting_type_host_fk";--> statement-breakpoint
CREATE OR REPLACE FUNCTION bookings_host_matches_meeting_type() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  owner uuid;
  team uuid;
BEGIN
  SELECT user_id, team_id INTO owner, team FROM meeting_types WHERE id = NEW.meeting_type_id;
  IF owner IS NOT NULL AND owner = NEW.host_user_id THEN
    RETURN NEW;
  END IF;
  IF team IS NOT NULL AND EXISTS (SELECT 1 FROM team_members WHERE team_id = team AND user_id = NEW.host_user_id) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'booking host % is not the host of meeting type %', NEW.host_user_id, NEW.meeting_type_id
    USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'bookings_meeting_type_host_fk', TABLE = 'bookings';
END
$$;--> statement-breakpoint
CREATE TRIGGER "bookings_host_matches_meeting_type" BEFORE INSERT OR UPDATE OF "meeting_type_id", "host_user_id" ON "bookings"
  FOR EACH ROW EXECUTE FUNCTION bookings_host_matches_meeting_type();--> statement-breakpoint
-- A meeting type never changes hands: bookings were checked against its owner or team.
CREATE OR REPLACE FUNCTION meeting_types_owner_fixed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.user_id IS DISTINCT FROM OLD.user_id OR NEW.team_id IS DISTINCT FROM OLD.team_id THEN
    RAISE EXCEPTION 'a meeting type keeps its owner' USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'meeting_types_owner_fixed';
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "meeting_types_owner_fixed" BEFORE UPDATE OF "user_id", "team_id" ON "meeting_types"
  FOR EACH ROW EXECUTE FUNCTION meeting_types_owner_fixed();--> statement-breakpoint
-- A collective booking is the invitee's booking (the lead row, hosted by one member) plus one row per
-- other member, each holding that member's time under bookings_no_overlap; those rows name the lead.
ALTER TABLE "bookings" ADD COLUMN "collective_lead_id" uuid;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_collective_lead_id_bookings_id_fk" FOREIGN KEY ("collective_lead_id") REFERENCES "public"."bookings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_collective_lead_not_self" CHECK ("bookings"."collective_lead_id" is null or "bookings"."collective_lead_id" <> "bookings"."id");--> statement-breakpoint
CREATE INDEX "idx_bookings_collective_lead" ON "bookings" USING btree ("collective_lead_id") WHERE "bookings"."collective_lead_id" is not null;--> statement-breakpoint
-- /team/{slug} and /teams/… are app routes now: a redirect holding either name is dropped and a host
-- holding one gets a suffixed name, as migrations 0011 and 0024 did.
DELETE FROM "username_redirects" WHERE "username" in ('team', 'teams');--> statement-breakpoint
UPDATE "users" SET "username" = "username" || '-' || substr(md5("id"::text), 1, 8) WHERE "username" in ('team', 'teams');--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_username_not_reserved";--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_username_not_reserved" CHECK ("users"."username" not in ('about', 'account', 'admin', 'api', 'auth', 'bookings', 'd', 'dashboard', 'demo', 'dev', 'docs', 'embed', 'forgot-password', 'help', 'login', 'logout', 'mail', 'pricing', 'privacy', 'public', 'reset-password', 'settings', 'signin', 'signout', 'signup', 'static', 'team', 'teams', 'terms', 'verify-email', 'www') or ("users"."username" = 'demo' and "users"."email" = 'demo@example.com'));
