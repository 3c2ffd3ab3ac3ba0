-- The platform operator's list of accounts (no app filter) is ordered newest first across every app; the index on
-- (app_id, created_at desc, user_id) cannot give that order, so each page sorted the whole table: 58 ms at 307,000
-- accounts in the growth benchmark (docs/operations.md, Benchmarks), under 1 ms with this index. A replay builds
-- it on its shadow table too, as it does every index of the live table.
create index admin_user_row_created on admin_user_row (created_at desc, user_id);
