-- CreateTable
CREATE TABLE "workspaces" (
    "workspace_id" BIGSERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workspaces_pkey" PRIMARY KEY ("workspace_id")
);

-- CreateTable
CREATE TABLE "ingest_keys" (
    "workspace_id" BIGINT NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "key_hash" TEXT NOT NULL,
    "key_prefix" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "ingest_keys_pkey" PRIMARY KEY ("workspace_id","id")
);

-- CreateTable
CREATE TABLE "read_tokens" (
    "workspace_id" BIGINT NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "token_hash" TEXT NOT NULL,
    "token_prefix" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "read_tokens_pkey" PRIMARY KEY ("workspace_id","id")
);

-- CreateTable
CREATE TABLE "users" (
    "workspace_id" BIGINT NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "external_id" TEXT NOT NULL,
    "identified" BOOLEAN NOT NULL DEFAULT true,
    "traits" JSONB NOT NULL DEFAULT '{}',
    "traits_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("workspace_id","id")
);

-- CreateTable
CREATE TABLE "user_aliases" (
    "workspace_id" BIGINT NOT NULL,
    "external_id" TEXT NOT NULL,
    "user_id" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_aliases_pkey" PRIMARY KEY ("workspace_id","external_id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "workspace_id" BIGINT NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "tracking_id" TEXT NOT NULL,
    "name" TEXT,
    "domain" TEXT,
    "traits" JSONB NOT NULL DEFAULT '{}',
    "traits_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("workspace_id","id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "workspace_id" BIGINT NOT NULL,
    "account_id" BIGINT NOT NULL,
    "user_id" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("workspace_id","account_id","user_id")
);

-- CreateTable
CREATE TABLE "daily_counts" (
    "workspace_id" BIGINT NOT NULL,
    "user_id" BIGINT NOT NULL,
    "account_id" BIGINT NOT NULL DEFAULT 0,
    "event" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "daily_counts_pkey" PRIMARY KEY ("workspace_id","user_id","account_id","event","day")
);

-- CreateTable
CREATE TABLE "processed_batches" (
    "workspace_id" BIGINT NOT NULL,
    "batch_id" TEXT NOT NULL,
    "event_count" INTEGER NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_batches_pkey" PRIMARY KEY ("workspace_id","batch_id")
);

-- CreateTable
CREATE TABLE "seen_messages" (
    "workspace_id" BIGINT NOT NULL,
    "message_id" TEXT NOT NULL,
    "seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "seen_messages_pkey" PRIMARY KEY ("workspace_id","message_id")
);

-- CreateTable
CREATE TABLE "scoring_profiles" (
    "workspace_id" BIGINT NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "window_days" INTEGER NOT NULL DEFAULT 30,
    "filter" TEXT,
    "normalization" TEXT NOT NULL DEFAULT 'exponential',
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scoring_profiles_pkey" PRIMARY KEY ("workspace_id","id")
);

-- CreateTable
CREATE TABLE "features" (
    "workspace_id" BIGINT NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "features_pkey" PRIMARY KEY ("workspace_id","id")
);

-- CreateTable
CREATE TABLE "feature_events" (
    "workspace_id" BIGINT NOT NULL,
    "event" TEXT NOT NULL,
    "feature_id" BIGINT NOT NULL,

    CONSTRAINT "feature_events_pkey" PRIMARY KEY ("workspace_id","event")
);

-- CreateTable
CREATE TABLE "event_weights" (
    "workspace_id" BIGINT NOT NULL,
    "profile_id" BIGINT NOT NULL,
    "event" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,

    CONSTRAINT "event_weights_pkey" PRIMARY KEY ("workspace_id","profile_id","event")
);

-- CreateTable
CREATE TABLE "account_scores" (
    "workspace_id" BIGINT NOT NULL,
    "profile_id" BIGINT NOT NULL,
    "account_id" BIGINT NOT NULL,
    "period" DATE NOT NULL,
    "raw_score" DOUBLE PRECISION NOT NULL,
    "engagement_score" DOUBLE PRECISION NOT NULL,
    "engagement_score_change" DOUBLE PRECISION,
    "benchmark" DOUBLE PRECISION NOT NULL,
    "active_users" INTEGER NOT NULL,
    "activation_rate" DOUBLE PRECISION NOT NULL,
    "overall_scored_events" BIGINT NOT NULL,
    "recently_scored_events" BIGINT NOT NULL,
    "scoring_profile_events" BIGINT NOT NULL,
    "total_people_count" INTEGER NOT NULL,
    "total_active_people_count" INTEGER NOT NULL,
    "first_seen" DATE,
    "last_seen" DATE,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "account_scores_pkey" PRIMARY KEY ("workspace_id","profile_id","account_id","period")
);

-- CreateTable
CREATE TABLE "user_scores" (
    "workspace_id" BIGINT NOT NULL,
    "profile_id" BIGINT NOT NULL,
    "user_id" BIGINT NOT NULL,
    "period" DATE NOT NULL,
    "raw_score" DOUBLE PRECISION NOT NULL,
    "engagement_score" DOUBLE PRECISION NOT NULL,
    "benchmark" DOUBLE PRECISION NOT NULL,
    "scoring_profile_events" BIGINT NOT NULL,
    "first_seen" DATE,
    "last_seen" DATE,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_scores_pkey" PRIMARY KEY ("workspace_id","profile_id","user_id","period")
);

-- CreateTable
CREATE TABLE "segments" (
    "workspace_id" BIGINT NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "builtin" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "segments_pkey" PRIMARY KEY ("workspace_id","id")
);

-- CreateTable
CREATE TABLE "segment_memberships" (
    "workspace_id" BIGINT NOT NULL,
    "segment_id" BIGINT NOT NULL,
    "account_id" BIGINT NOT NULL,
    "entered_at" TIMESTAMPTZ(3) NOT NULL,
    "left_at" TIMESTAMPTZ(3),

    CONSTRAINT "segment_memberships_pkey" PRIMARY KEY ("workspace_id","segment_id","account_id","entered_at")
);

-- CreateIndex
CREATE INDEX "ingest_keys_key_hash_idx" ON "ingest_keys"("key_hash");

-- CreateIndex
CREATE UNIQUE INDEX "ingest_keys_workspace_id_key_hash_key" ON "ingest_keys"("workspace_id", "key_hash");

-- CreateIndex
CREATE INDEX "read_tokens_token_hash_idx" ON "read_tokens"("token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "read_tokens_workspace_id_token_hash_key" ON "read_tokens"("workspace_id", "token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "users_workspace_id_external_id_key" ON "users"("workspace_id", "external_id");

-- CreateIndex
CREATE INDEX "user_aliases_workspace_id_user_id_idx" ON "user_aliases"("workspace_id", "user_id");

-- CreateIndex
CREATE INDEX "accounts_workspace_id_domain_idx" ON "accounts"("workspace_id", "domain");

-- CreateIndex
CREATE INDEX "accounts_workspace_id_name_idx" ON "accounts"("workspace_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "accounts_workspace_id_tracking_id_key" ON "accounts"("workspace_id", "tracking_id");

-- CreateIndex
CREATE INDEX "memberships_workspace_id_user_id_idx" ON "memberships"("workspace_id", "user_id");

-- CreateIndex
CREATE INDEX "daily_counts_workspace_id_day_idx" ON "daily_counts"("workspace_id", "day");

-- CreateIndex
CREATE INDEX "processed_batches_processed_at_idx" ON "processed_batches"("processed_at");

-- CreateIndex
CREATE INDEX "seen_messages_seen_at_idx" ON "seen_messages"("seen_at");

-- CreateIndex
CREATE UNIQUE INDEX "scoring_profiles_workspace_id_name_key" ON "scoring_profiles"("workspace_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "features_workspace_id_name_key" ON "features"("workspace_id", "name");

-- CreateIndex
CREATE INDEX "feature_events_workspace_id_feature_id_idx" ON "feature_events"("workspace_id", "feature_id");

-- CreateIndex
CREATE UNIQUE INDEX "segments_workspace_id_name_key" ON "segments"("workspace_id", "name");

-- CreateIndex
CREATE INDEX "segment_memberships_workspace_id_account_id_idx" ON "segment_memberships"("workspace_id", "account_id");
