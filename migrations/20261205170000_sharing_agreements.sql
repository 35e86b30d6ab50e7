-- Nantong's sharing agreements (信息共享协议) with credit reporting agencies, financial institutions and
-- information user units (004 第二十三条, 第二十四条; R100) are batch access grants like Xiamen's approvals
-- (000 第二十一条 ¶2; R98): one table, saying which a row is and what it covers.

-- APPROVAL: the competent department's approval (XM); AGREEMENT: a sharing agreement (NT).
ALTER TABLE batch_query_approval
  ADD COLUMN basis text NOT NULL DEFAULT 'APPROVAL' CHECK (basis IN ('APPROVAL', 'AGREEMENT'));
-- The disclosure attributes covered; an approval recorded before covered what R99 gives the batch port.
ALTER TABLE batch_query_approval
  ADD COLUMN attributes text[] NOT NULL DEFAULT ARRAY['public', 'authorized']::text[];
-- Catalog item codes the grant is narrowed to; NULL: every item of the covered attributes.
ALTER TABLE batch_query_approval ADD COLUMN items text[];

-- The viewer a batch is judged as (CSA: the batch port; GOV: a government unit's exchange, R63) and, for a
-- government unit, the purpose it declares and the end operator of its system's call (004 第二十五条; R86, R88).
ALTER TABLE batch_query
  ADD COLUMN viewer text NOT NULL DEFAULT 'CSA' CHECK (viewer IN ('CSA', 'GOV'));
ALTER TABLE batch_query ADD COLUMN scenario text;
ALTER TABLE batch_query ADD COLUMN scenario_basis text;
ALTER TABLE batch_query ADD COLUMN operator text;
