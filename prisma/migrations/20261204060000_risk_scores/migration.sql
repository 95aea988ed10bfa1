-- Risk score per identity (lib/risk, docs/risk.md): the score and the factors that produced it.
CREATE TABLE "identity_risk_scores" (
    "identity_id" UUID NOT NULL,
    "score" DECIMAL(5,1) NOT NULL,
    "factors" JSONB NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "identity_risk_scores_pkey" PRIMARY KEY ("identity_id"),
    CONSTRAINT "identity_risk_scores_identity_id_fkey" FOREIGN KEY ("identity_id") REFERENCES "identities"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- "Top risks" and risk filters read the highest scores first.
CREATE INDEX "identity_risk_scores_score_identity_id_idx" ON "identity_risk_scores"("score" DESC, "identity_id");
