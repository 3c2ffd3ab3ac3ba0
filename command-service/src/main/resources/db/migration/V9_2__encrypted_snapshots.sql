-- Snapshots of users are stored encrypted with the user's data key from now on (SnapshotSerializer). Those taken
-- before hold the address and the password hash in clear: deleted, as snapshots are only a shortcut, and the next
-- load of each user takes a new, encrypted one. Numbered 9.2: migrations merged separately may take whole numbers.
DELETE FROM snapshotevententry WHERE payloadtype = 'dev.watchword.command.user.User';
