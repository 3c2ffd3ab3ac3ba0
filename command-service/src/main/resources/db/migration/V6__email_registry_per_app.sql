-- Issue 4: users belong to a client app, and the same address may exist once per app. Rows written before
-- client apps existed belong to the default app.
ALTER TABLE email_registry ADD COLUMN app_id VARCHAR(64) NOT NULL DEFAULT 'default';
ALTER TABLE email_registry DROP CONSTRAINT email_registry_pkey;
ALTER TABLE email_registry ADD PRIMARY KEY (app_id, email);
