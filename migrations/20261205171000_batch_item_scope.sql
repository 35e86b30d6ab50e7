-- A government unit's batch submitted from a query account scoped to catalog items (002 第九条 ¶2; R89) stays
-- within those items when it is answered in the background (R100). NULL: the account is not scoped.
ALTER TABLE batch_query ADD COLUMN item_scope text[];
