-- A batch's last sign of life: set when it opens and with every committed chunk. A RUNNING batch that has
-- not progressed for a long while belongs to a process that died (a crash, a killed import), and the
-- periodic job ends it as FAILED so the provider sees it ended and submits the file again (issue #5).
ALTER TABLE collection_batch ADD COLUMN progressed_at timestamptz;
UPDATE collection_batch SET progressed_at = coalesce(finished_at, received_at);
ALTER TABLE collection_batch ALTER COLUMN progressed_at SET NOT NULL;
CREATE INDEX collection_batch_running ON collection_batch (progressed_at) WHERE status = 'RUNNING';
