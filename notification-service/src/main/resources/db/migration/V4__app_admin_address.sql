-- Who is told when an app's link base URL moves (LinkBaseUrlChanged): every admin of the app, at the address
-- the user holds now. user_app gains the address (from UserRegistered, then EmailChanged) and whether the user
-- holds the app's admin role (RoleAssigned / RoleRevoked of "admin"). Erasure deletes the row, address included.
-- Users registered before this column existed have no address here until the topic is read again.
alter table user_app add column email text;
alter table user_app add column admin boolean not null default false;
create index user_app_admins on user_app (app_id) where admin;
