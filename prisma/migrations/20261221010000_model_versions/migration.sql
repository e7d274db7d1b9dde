-- Model versions managed from the console (server/models): the status of each model (stable / next / retired) as
-- the admins set it, shared by every replica, and the models registered from an artifact (stored under
-- DATA_DIR/models/<version>) with the DDL regroup ran for them (their grouping_records column and HNSW index).
-- A model of MODELS_DIR with no row here has the status its config.json gives.
CREATE TABLE "model_versions" (
    "version" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "column_name" TEXT NOT NULL,
    "dimension" INTEGER NOT NULL,
    "artifact_dir" TEXT,
    "ddl" JSONB NOT NULL DEFAULT '[]',
    "index_dropped_at" TIMESTAMPTZ(6),
    "registered_by" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_versions_pkey" PRIMARY KEY ("version"),
    CONSTRAINT "model_versions_status_check" CHECK ("status" IN ('stable', 'next', 'retired')),
    CONSTRAINT "model_versions_column_check" CHECK ("column_name" ~ '^v[0-9]+$')
);

CREATE UNIQUE INDEX "model_versions_column_name_key" ON "model_versions"("column_name");
