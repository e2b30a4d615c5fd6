-- Per-key trait clocks (docs/worker.md, "Traits"): for each trait key, the time and messageId of
-- its latest $set or $unset (a tombstone when removed) and the earliest $setOnce calls after it,
-- so that identify and group calls applied in any order give the traits of time order.
-- Existing rows start empty: a key in `traits` without an entry counts as set at `traits_at`.

-- AlterTable
ALTER TABLE "users" ADD COLUMN "trait_clock" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "accounts" ADD COLUMN "trait_clock" JSONB NOT NULL DEFAULT '{}';
