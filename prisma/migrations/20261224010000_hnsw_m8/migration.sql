-- The HNSW graphs link each record to 8 neighbours per layer (16 at the bottom one) instead of 16 (32): a record
-- joining a graph re-prunes the neighbour lists of the records it links to, a cost that grows with the square of m,
-- and it was most of the ingest worker's time for new traces. `npm run bench -- hnsw-build` (the committed models'
-- embeddings of synthetic traces in one graph, records 16 to a statement, 400 lookups as regroup makes them; m and
-- ef_construction 16/64 against 8/64), the index's share of an insert over the second half of the records:
--   2,400 distinct traces: 3.56 -> 1.38 ms at 768 dimensions (v1), 0.79 -> 0.36 ms at 64 (v2); lookups 0.71x and
--     0.87x as long; recall@1 100% -> 99.8% for v1 (one lookup of 400 found a record a little farther than the
--     nearest), 100% for v2; no grouping disagreement.
--   20,000 records: 0.79 -> 0.62 ms (v1), 0.26 -> 0.21 ms (v2); lookups 0.71x and 0.72x as long; recall@1 100% and no
--     grouping disagreement either way.
-- A lookup that misses the nearest record can only keep an event apart, never merge it: the distance it compares with
-- the threshold is the exact distance of the record it found.
-- m cannot be changed on an existing graph: the indexes are built again from the records stored so far (each
-- partition's index is created from the parent's definition, under the same name as before).
DROP INDEX "grouping_records_v1_idx";
DROP INDEX "grouping_records_v2_idx";
CREATE INDEX "grouping_records_v1_idx" ON "grouping_records" USING hnsw ("v1" vector_cosine_ops) WITH (m = 8, ef_construction = 64);
CREATE INDEX "grouping_records_v2_idx" ON "grouping_records" USING hnsw ("v2" vector_cosine_ops) WITH (m = 8, ef_construction = 64);
