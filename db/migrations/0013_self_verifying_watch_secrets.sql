-- Push channel secrets now name their connection and calendar, so a notification is authenticated
-- before any query. Channels opened with the old secret are forgotten: the cron's channel pass opens
-- new ones within minutes, and the old ones expire on their own (their notifications are ignored).
UPDATE "connected_calendars" SET "watch_id" = NULL, "watch_resource_id" = NULL, "watch_expires_at" = NULL, "watch_message_number" = NULL WHERE "watch_id" IS NOT NULL;
