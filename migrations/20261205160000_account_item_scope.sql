-- Item-scoped query accounts (002 第九条 ¶2; R89): an agency that cannot call the embedded interface queries
-- on the platform with accounts the center opens for its approved query needs. An account with rows here
-- queries those catalog items only; an account without any is not scoped.
CREATE TABLE account_item_scope (
  account_id bigint NOT NULL REFERENCES account (id),
  item_code text NOT NULL REFERENCES catalog_item (code),
  PRIMARY KEY (account_id, item_code)
);
