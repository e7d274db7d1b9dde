-- New vectors join the HNSW graphs with ef_construction = 64 (pgvector's default) instead of 200 (Seer's setting).
-- `npm run bench -- hnsw-build --records 20000 --queries 400` (the committed models' embeddings of synthetic traces,
-- one graph of 20,000 records, lookups as regroup makes them): the index's share of an insert 2.39 → 0.93 ms at 768
-- dimensions (v1) and 0.55 → 0.24 ms at 64 (v2), with the same answers: recall@1 100% with either setting, and no
-- lookup where the two disagreed on grouping. Every new trace of a project on v2 is stored with both vectors, so
-- this was most of the ingest worker's time for new traces. The graphs built so far stay as they are; the setting
-- applies to the records inserted from now on. It is set on each partition's index: a partitioned index's own
-- options cannot be altered, and the partitions' indexes are the ones inserts use.
DO $$
DECLARE
  part regclass;
BEGIN
  FOR part IN
    SELECT inhrelid::regclass FROM pg_inherits
     WHERE inhparent IN ('grouping_records_v1_idx'::regclass, 'grouping_records_v2_idx'::regclass)
  LOOP
    EXECUTE format('ALTER INDEX %s SET (ef_construction = 64)', part);
  END LOOP;
END $$;
