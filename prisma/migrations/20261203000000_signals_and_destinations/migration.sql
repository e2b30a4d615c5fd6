-- Signals and their delivery (outbound.md): the feed of transitions, the destinations it is
-- sent to, one delivery row per signal and destination (the outbox: written in the transaction
-- that derives the signal, so nothing is lost between PostgreSQL and the queue), every attempt,
-- and what the reverse syncs last sent.

-- AlterTable: per-workspace signal settings. signals_baseline_at is null until a scoring run
-- has set the baseline silently (a workspace's first run, or the first after a replay).
ALTER TABLE "workspaces" ADD COLUMN "signal_score_threshold" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN "signal_watched_traits" TEXT[] NOT NULL DEFAULT ARRAY['plan', 'status', 'mrr']::TEXT[],
ADD COLUMN "signal_retention_days" INTEGER NOT NULL DEFAULT 90,
ADD COLUMN "signals_baseline_at" TIMESTAMPTZ(3);

-- AlterTable: when a feature's first uses were recorded silently (null: not yet).
ALTER TABLE "features" ADD COLUMN "first_uses_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "signals" (
    "workspace_id" BIGINT NOT NULL,
    "id" TEXT NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" BIGINT NOT NULL,
    "subject" JSONB NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "data" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "signals_pkey" PRIMARY KEY ("workspace_id","id"),
    CONSTRAINT "signals_kind_check" CHECK ("kind" IN ('score_changed', 'segment_entered', 'segment_exited', 'trait_changed', 'feature_first_used', 'activated')),
    CONSTRAINT "signals_subject_type_check" CHECK ("subject_type" IN ('account', 'user'))
);

-- CreateIndex: the feed, newest first, and one subject's signals.
CREATE INDEX "signals_workspace_id_occurred_at_id_idx" ON "signals"("workspace_id", "occurred_at" DESC, "id" DESC);
CREATE INDEX "signals_workspace_id_subject_type_subject_id_occurred_at_idx" ON "signals"("workspace_id", "subject_type", "subject_id", "occurred_at" DESC);
CREATE INDEX "signals_workspace_id_created_at_idx" ON "signals"("workspace_id", "created_at");

-- CreateTable: the first day each account or user used each feature.
CREATE TABLE "feature_first_uses" (
    "workspace_id" BIGINT NOT NULL,
    "feature_id" BIGINT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" BIGINT NOT NULL,
    "first_day" DATE NOT NULL,

    CONSTRAINT "feature_first_uses_pkey" PRIMARY KEY ("workspace_id","feature_id","subject_type","subject_id")
);

-- CreateTable
CREATE TABLE "destinations" (
    "workspace_id" BIGINT NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "kinds" TEXT[],
    "segments" TEXT[],
    "settings" JSONB NOT NULL DEFAULT '{}',
    "secret" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "disabled_reason" TEXT,
    "disabled_at" TIMESTAMPTZ(3),
    "failing_since" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "destinations_pkey" PRIMARY KEY ("workspace_id","id"),
    CONSTRAINT "destinations_type_check" CHECK ("type" IN ('webhook', 'slack', 'segment', 'hubspot'))
);

-- CreateTable: one row per signal and destination it passes the filter of.
CREATE TABLE "deliveries" (
    "workspace_id" BIGINT NOT NULL,
    "destination_id" BIGINT NOT NULL,
    "signal_id" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "subject_key" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),

    CONSTRAINT "deliveries_pkey" PRIMARY KEY ("workspace_id","destination_id","signal_id"),
    CONSTRAINT "deliveries_status_check" CHECK ("status" IN ('pending', 'delivered', 'failed'))
);

-- CreateIndex: a destination's pending deliveries per subject, in order (the lanes). Unique (seq
-- is the signal's), which also tells the planner that a lane lookup finds one row before the
-- table has statistics: a burst into a fresh table otherwise scans by created_at.
CREATE UNIQUE INDEX "deliveries_pending_lane_idx" ON "deliveries"("workspace_id", "destination_id", "subject_key", "seq") WHERE "status" = 'pending';
-- Deliveries come and go in bursts: keep the planner's statistics fresh.
ALTER TABLE "deliveries" SET (autovacuum_analyze_scale_factor = 0.02, autovacuum_vacuum_scale_factor = 0.05);
-- A delivery by its place, and the deliveries list newest first (seq is creation order). No
-- other index leads with (workspace_id, destination_id): on a table that just grew by a burst,
-- before any statistics, the planner picks such an index for lane lookups and filters every row.
CREATE INDEX "deliveries_workspace_id_seq_idx" ON "deliveries"("workspace_id", "seq" DESC);

-- CreateTable: every attempt (a signal's, a digest's or a sync's).
CREATE TABLE "delivery_attempts" (
    "workspace_id" BIGINT NOT NULL,
    "destination_id" BIGINT NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "item" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "attempted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" TEXT NOT NULL,
    "status_code" INTEGER,
    "latency_ms" INTEGER NOT NULL,
    "response" TEXT,
    "error" TEXT,

    CONSTRAINT "delivery_attempts_pkey" PRIMARY KEY ("workspace_id","destination_id","id"),
    CONSTRAINT "delivery_attempts_outcome_check" CHECK ("outcome" IN ('delivered', 'retry', 'failed'))
);

CREATE INDEX "delivery_attempts_workspace_id_destination_id_attempted_at_idx" ON "delivery_attempts"("workspace_id", "destination_id", "attempted_at");
CREATE INDEX "delivery_attempts_workspace_id_destination_id_item_idx" ON "delivery_attempts"("workspace_id", "destination_id", "item");

-- CreateTable: the computed traits a reverse sync (segment, hubspot) last sent per subject.
CREATE TABLE "destination_trait_states" (
    "workspace_id" BIGINT NOT NULL,
    "destination_id" BIGINT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" BIGINT NOT NULL,
    "traits" JSONB NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "destination_trait_states_pkey" PRIMARY KEY ("workspace_id","destination_id","subject_type","subject_id")
);
