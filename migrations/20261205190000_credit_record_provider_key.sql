-- The provider index carries the rest of the record key. Alone, (provider_code, item_code) matched the
-- collection pipeline's look-up of a chunk's keys too, and while a provider's first large import outgrows the
-- table's statistics the planner took it for one row and read every record of the provider for each key
-- (npm run bench:ingest: quadratic). Now any index it picks probes the exact key; listing a provider's
-- records by provider and item uses the same prefix as before.
DROP INDEX credit_record_provider;
CREATE INDEX credit_record_provider ON credit_record (provider_code, item_code, subject_code, record_key);
