-- Lookups by any trait (`match_type=intercom_id` on /v1/accounts, `match_type=email` on
-- /v1/users) read these instead of every row of the workspace: the repositories ask for
-- containment (`traits @> {"key": value}`) and recheck `traits->>key = value`
-- (libs/accounts/src/repositories/trait-match.sql.ts). jsonb_path_ops: smaller than the default
-- operator class, and it serves `@>`, the one operator asked. Not led by workspace_id (a GIN
-- index of a bigint needs btree_gin): the workspace is filtered on the few rows found.
-- fastupdate off: no pending list that every lookup would scan and that, until a vacuum,
-- prices the index above a scan of the table. Traits are written only when they change
-- (an update that leaves them equal stays HOT and touches no index).

-- CreateIndex
CREATE INDEX "accounts_traits_idx" ON "accounts" USING GIN ("traits" jsonb_path_ops) WITH (fastupdate = off);

-- CreateIndex
CREATE INDEX "users_traits_idx" ON "users" USING GIN ("traits" jsonb_path_ops) WITH (fastupdate = off);
