-- R41 (000 第六条): other identity documents linked to a natural person's credit code.

-- Keyed by the document, not by the subject: a document number must resolve to exactly one subject, so this
-- lookup is distributed by the document (a Citus reference or document-keyed table), not by subject_code.
CREATE TABLE identity_document_link (
  document_kind    text NOT NULL,
  document_number  text NOT NULL,
  subject_code     text NOT NULL REFERENCES subject (subject_code),
  linked_at        timestamptz NOT NULL,
  linked_by        text NOT NULL,
  basis            text NOT NULL,
  PRIMARY KEY (document_kind, document_number)
);
CREATE INDEX identity_document_link_subject ON identity_document_link (subject_code);
