-- The User aggregate's state took a new shape (one UserState evolved by every event) and its snapshots carry a
-- revision; the snapshot filter skips those without one. Deleting them as well means no user replays its whole
-- history while an old snapshot sits at the sequence number of the next one (Axon keeps the older row then).
-- Snapshots are only a shortcut: the next load of each user takes a new one.
DELETE FROM snapshotevententry WHERE payloadtype = 'dev.watchword.command.user.User' AND payloadrevision IS NULL;
