-- Client apps (tenants, issue 4): which app each user belongs to and what its emails honour of its settings.
-- Read when an email is composed; see AppEmailSettingsLookup.

-- From UserRegistered. A user's later events share its Kafka key, so they always arrive after this row is
-- written. Users with no row registered before this table existed, when every user belonged to the default app.
create table user_app (
    user_id  text primary key,
    app_id   text not null,
    -- the UserRegistered that wrote the row; a redelivery of it finds the user_id taken and changes nothing
    event_id text not null
);

-- From AppSettingsChanged, which carries an app's whole settings: only the two that emails use are kept. The
-- latest event wins by its position in the app's own stream, so a redelivered or replayed older event never
-- brings back settings that were changed since. The default app has no row: its emails use the service's
-- configuration (watchword.public-url, watchword.mail.from).
create table app_email_settings (
    app_id          text        primary key,
    -- where the links in the app's emails point; null would mean the service's configured public URL
    link_base_url   text,
    -- the From display name of the app's emails; null would mean the configured one
    sender_name     text,
    sequence_number bigint      not null,
    event_id        text        not null,
    changed_at      timestamptz
);
