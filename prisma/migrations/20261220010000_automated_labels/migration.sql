-- Automated labelers (server/labeling): a label says who gave it. Experts' labels (people, and a corpus's ground
-- truth as a simulated expert) feed the overgrouping rates, the threshold explorer and the conflicts; an automated
-- labeler's labels are measured against them (Cohen's kappa on the Agreement page) and feed the rates only when
-- asked for and its kappa passes LABELER_MIN_KAPPA.
CREATE TYPE "labeler_kind" AS ENUM ('expert', 'simulated_expert', 'automated');

ALTER TABLE "labels"
    ADD COLUMN "labeler_kind" "labeler_kind" NOT NULL DEFAULT 'expert',
    ADD COLUMN "labeler_version" TEXT;

-- `npm run demo:label` wrote the demo corpus's ground truth as the labeler "corpus-ground-truth" with no user.
UPDATE "labels" SET "labeler_kind" = 'simulated_expert'
 WHERE "labeler_id" IS NULL AND "labeler_name" = 'corpus-ground-truth';
