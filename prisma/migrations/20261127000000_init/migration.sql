-- regroup: the first schema (projects, groups, group_hashes, events, grouping_records).
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TYPE "grouping_method" AS ENUM ('fingerprint', 'ai', 'new');

CREATE TABLE "projects" (
    "id" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "platform" TEXT NOT NULL DEFAULT 'other',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "projects_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "projects_id_positive" CHECK ("id" > 0)
);
CREATE UNIQUE INDEX "projects_slug_key" ON "projects"("slug");

CREATE TABLE "groups" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "culprit" TEXT,
    "first_seen" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "times_seen" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "groups_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "groups_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "groups_project_id_last_seen_idx" ON "groups"("project_id", "last_seen");

CREATE TABLE "group_hashes" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "group_id" INTEGER NOT NULL,
    "seer_date_sent" TIMESTAMPTZ(6),
    "seer_model_requested" TEXT,
    "seer_model_used" TEXT,
    "seer_matched_hash" TEXT,
    "seer_match_distance" DOUBLE PRECISION,
    "latest_training_model" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "group_hashes_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "group_hashes_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "group_hashes_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "group_hashes_project_id_hash_key" ON "group_hashes"("project_id", "hash");
CREATE INDEX "group_hashes_group_id_idx" ON "group_hashes"("group_id");

CREATE TABLE "events" (
    "id" SERIAL NOT NULL,
    "event_id" CHAR(32) NOT NULL,
    "project_id" INTEGER NOT NULL,
    "group_id" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "hashes" TEXT[],
    "grouping_method" "grouping_method" NOT NULL,
    "embedding_text" TEXT,
    "received_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "events_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "events_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "events_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "events_project_id_event_id_key" ON "events"("project_id", "event_id");
CREATE INDEX "events_group_id_received_at_idx" ON "events"("group_id", "received_at");

-- The AI grouping index. Hash-partitioned by project so that a project's kNN search touches one partition
-- (and so that the table can later be distributed by project_id). One nullable column per model version.
CREATE TABLE "grouping_records" (
    "project_id" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "group_id" INTEGER,
    "exception_type" TEXT,
    "v1" vector(768),
    "v2" vector(64),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "grouping_records_pkey" PRIMARY KEY ("project_id", "hash")
) PARTITION BY HASH ("project_id");

CREATE TABLE "grouping_records_p0" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 0);
CREATE TABLE "grouping_records_p1" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 1);
CREATE TABLE "grouping_records_p2" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 2);
CREATE TABLE "grouping_records_p3" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 3);
CREATE TABLE "grouping_records_p4" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 4);
CREATE TABLE "grouping_records_p5" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 5);
CREATE TABLE "grouping_records_p6" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 6);
CREATE TABLE "grouping_records_p7" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 7);
CREATE TABLE "grouping_records_p8" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 8);
CREATE TABLE "grouping_records_p9" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 9);
CREATE TABLE "grouping_records_p10" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 10);
CREATE TABLE "grouping_records_p11" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 11);
CREATE TABLE "grouping_records_p12" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 12);
CREATE TABLE "grouping_records_p13" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 13);
CREATE TABLE "grouping_records_p14" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 14);
CREATE TABLE "grouping_records_p15" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 15);
CREATE TABLE "grouping_records_p16" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 16);
CREATE TABLE "grouping_records_p17" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 17);
CREATE TABLE "grouping_records_p18" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 18);
CREATE TABLE "grouping_records_p19" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 19);
CREATE TABLE "grouping_records_p20" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 20);
CREATE TABLE "grouping_records_p21" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 21);
CREATE TABLE "grouping_records_p22" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 22);
CREATE TABLE "grouping_records_p23" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 23);
CREATE TABLE "grouping_records_p24" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 24);
CREATE TABLE "grouping_records_p25" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 25);
CREATE TABLE "grouping_records_p26" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 26);
CREATE TABLE "grouping_records_p27" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 27);
CREATE TABLE "grouping_records_p28" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 28);
CREATE TABLE "grouping_records_p29" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 29);
CREATE TABLE "grouping_records_p30" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 30);
CREATE TABLE "grouping_records_p31" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 31);
CREATE TABLE "grouping_records_p32" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 32);
CREATE TABLE "grouping_records_p33" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 33);
CREATE TABLE "grouping_records_p34" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 34);
CREATE TABLE "grouping_records_p35" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 35);
CREATE TABLE "grouping_records_p36" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 36);
CREATE TABLE "grouping_records_p37" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 37);
CREATE TABLE "grouping_records_p38" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 38);
CREATE TABLE "grouping_records_p39" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 39);
CREATE TABLE "grouping_records_p40" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 40);
CREATE TABLE "grouping_records_p41" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 41);
CREATE TABLE "grouping_records_p42" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 42);
CREATE TABLE "grouping_records_p43" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 43);
CREATE TABLE "grouping_records_p44" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 44);
CREATE TABLE "grouping_records_p45" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 45);
CREATE TABLE "grouping_records_p46" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 46);
CREATE TABLE "grouping_records_p47" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 47);
CREATE TABLE "grouping_records_p48" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 48);
CREATE TABLE "grouping_records_p49" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 49);
CREATE TABLE "grouping_records_p50" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 50);
CREATE TABLE "grouping_records_p51" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 51);
CREATE TABLE "grouping_records_p52" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 52);
CREATE TABLE "grouping_records_p53" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 53);
CREATE TABLE "grouping_records_p54" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 54);
CREATE TABLE "grouping_records_p55" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 55);
CREATE TABLE "grouping_records_p56" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 56);
CREATE TABLE "grouping_records_p57" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 57);
CREATE TABLE "grouping_records_p58" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 58);
CREATE TABLE "grouping_records_p59" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 59);
CREATE TABLE "grouping_records_p60" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 60);
CREATE TABLE "grouping_records_p61" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 61);
CREATE TABLE "grouping_records_p62" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 62);
CREATE TABLE "grouping_records_p63" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 63);
CREATE TABLE "grouping_records_p64" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 64);
CREATE TABLE "grouping_records_p65" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 65);
CREATE TABLE "grouping_records_p66" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 66);
CREATE TABLE "grouping_records_p67" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 67);
CREATE TABLE "grouping_records_p68" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 68);
CREATE TABLE "grouping_records_p69" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 69);
CREATE TABLE "grouping_records_p70" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 70);
CREATE TABLE "grouping_records_p71" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 71);
CREATE TABLE "grouping_records_p72" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 72);
CREATE TABLE "grouping_records_p73" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 73);
CREATE TABLE "grouping_records_p74" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 74);
CREATE TABLE "grouping_records_p75" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 75);
CREATE TABLE "grouping_records_p76" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 76);
CREATE TABLE "grouping_records_p77" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 77);
CREATE TABLE "grouping_records_p78" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 78);
CREATE TABLE "grouping_records_p79" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 79);
CREATE TABLE "grouping_records_p80" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 80);
CREATE TABLE "grouping_records_p81" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 81);
CREATE TABLE "grouping_records_p82" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 82);
CREATE TABLE "grouping_records_p83" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 83);
CREATE TABLE "grouping_records_p84" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 84);
CREATE TABLE "grouping_records_p85" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 85);
CREATE TABLE "grouping_records_p86" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 86);
CREATE TABLE "grouping_records_p87" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 87);
CREATE TABLE "grouping_records_p88" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 88);
CREATE TABLE "grouping_records_p89" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 89);
CREATE TABLE "grouping_records_p90" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 90);
CREATE TABLE "grouping_records_p91" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 91);
CREATE TABLE "grouping_records_p92" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 92);
CREATE TABLE "grouping_records_p93" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 93);
CREATE TABLE "grouping_records_p94" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 94);
CREATE TABLE "grouping_records_p95" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 95);
CREATE TABLE "grouping_records_p96" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 96);
CREATE TABLE "grouping_records_p97" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 97);
CREATE TABLE "grouping_records_p98" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 98);
CREATE TABLE "grouping_records_p99" PARTITION OF "grouping_records" FOR VALUES WITH (MODULUS 100, REMAINDER 99);

CREATE INDEX "grouping_records_v1_idx" ON "grouping_records" USING hnsw ("v1" vector_cosine_ops) WITH (m = 16, ef_construction = 200);
CREATE INDEX "grouping_records_v2_idx" ON "grouping_records" USING hnsw ("v2" vector_cosine_ops) WITH (m = 16, ef_construction = 200);
