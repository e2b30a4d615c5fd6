-- The anchor's engagement model (parity.md): daily history, frequency, adoption, activation,
-- trait types, accounts from a user trait, and the catalogue of suggested segments.

-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN "account_user_trait" TEXT,
ADD COLUMN "account_name_trait" TEXT,
ADD COLUMN "account_created_trait" TEXT,
ADD COLUMN "suggested_segments_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "memberships" ADD COLUMN "source" TEXT NOT NULL DEFAULT 'group';

-- AlterTable
ALTER TABLE "account_scores" ADD COLUMN "frequency" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "adoption_rate" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN "lifetime_adoption_rate" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN "last_active" DATE,
ADD COLUMN "activation" JSONB;

-- AlterTable
ALTER TABLE "user_scores" ADD COLUMN "engagement_score_change" DOUBLE PRECISION,
ADD COLUMN "frequency" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "adoption_rate" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN "lifetime_adoption_rate" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN "last_active" DATE,
ADD COLUMN "activation" JSONB;

-- CreateTable
CREATE TABLE "workspace_scores" (
    "workspace_id" BIGINT NOT NULL,
    "profile_id" BIGINT NOT NULL,
    "period" DATE NOT NULL,
    "mean_score" DOUBLE PRECISION NOT NULL,
    "accounts" INTEGER NOT NULL,
    "active_accounts" INTEGER NOT NULL,
    "active_users" INTEGER NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workspace_scores_pkey" PRIMARY KEY ("workspace_id","profile_id","period")
);

-- CreateTable
CREATE TABLE "activation_checklists" (
    "workspace_id" BIGINT NOT NULL,
    "steps" JSONB NOT NULL,
    "required_users" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "activation_checklists_pkey" PRIMARY KEY ("workspace_id")
);

-- CreateTable
CREATE TABLE "trait_types" (
    "workspace_id" BIGINT NOT NULL,
    "key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "trait_types_pkey" PRIMARY KEY ("workspace_id","key")
);

-- CreateIndex
CREATE INDEX "account_scores_workspace_id_period_idx" ON "account_scores"("workspace_id", "period");

-- CreateIndex
CREATE INDEX "user_scores_workspace_id_period_idx" ON "user_scores"("workspace_id", "period");

-- Data: existing workspaces get the suggested segments (libs/scoring SUGGESTED_SEGMENTS; a test
-- holds the two lists equal). Built-ins still carrying the rule they were given move to the
-- catalogue's rule; segments users made, including ones named like a suggestion, are untouched.
CREATE TEMPORARY TABLE "suggested_catalogue" ("position" INTEGER, "name" TEXT, "rule" TEXT, "old_rule" TEXT) ON COMMIT DROP;
INSERT INTO "suggested_catalogue" VALUES
  (1, 'Highly engaged', 'engagement_score >= 75', 'engagement_score >= 80'),
  (2, 'Engaged', 'engagement_score >= 50 AND engagement_score < 75', NULL),
  (3, 'Low engagement', 'engagement_score >= 25 AND engagement_score < 50', NULL),
  (4, 'At risk', 'engagement_score < 25 AND engagement_score_change <= -10', 'engagement_score < 30 AND engagement_score_change <= -10'),
  (5, 'Red hot', 'engagement_score_change >= 10', NULL),
  (6, 'Ice cold', 'engagement_score_change <= -10', NULL),
  (7, 'Active today', 'days_since_last_seen = 0', NULL),
  (8, 'Recently inactive', 'days_since_last_seen >= 30 AND days_since_last_seen <= 60', NULL),
  (9, 'Dormant', 'days_since_last_seen > 14', 'days_since_last_seen >= 14'),
  (10, 'New', 'days_since_first_seen <= 14', 'days_since_first_seen < 14'),
  (11, 'Mature', 'days_since_created > 180', NULL),
  (12, 'Multi-user', 'active_users >= 2', NULL),
  (13, 'Product-qualified', 'status = trial AND engagement_score >= 70', 'plan = trial AND engagement_score >= 70');

UPDATE "segments" s SET "rule" = c."rule"
FROM "suggested_catalogue" c
WHERE s."builtin" AND s."name" = c."name" AND s."rule" = c."old_rule";

INSERT INTO "segments" ("workspace_id", "name", "rule", "builtin")
SELECT w."workspace_id", c."name", c."rule", true
FROM "workspaces" w CROSS JOIN "suggested_catalogue" c
ORDER BY w."workspace_id", c."position"
ON CONFLICT ("workspace_id", "name") DO NOTHING;

UPDATE "workspaces" SET "suggested_segments_at" = CURRENT_TIMESTAMP;
