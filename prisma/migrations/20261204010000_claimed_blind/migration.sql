-- Whether the labeler who holds a pair's claim was served it with the models' decisions hidden (blind mode), and
-- has not been shown them since: a label's blind flag comes from here, not from what the client says.
ALTER TABLE "review_pairs" ADD COLUMN "claimed_blind" BOOLEAN NOT NULL DEFAULT false;
