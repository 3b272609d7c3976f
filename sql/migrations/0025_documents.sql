-- Documents of a candidate's file (issue 17, part 1): a CV, diplomas and transcripts, a scan of the căn cước card,
-- the nomination letter, interview minutes, the decision. Kept in PostgreSQL, so that the base backups and restores
-- cover them with everything else and a document is written, erased or merged in the transaction of the rest; the
-- bytes in chunks of 1 MiB, so that an upload and a download stream through the server without holding a file whole.

CREATE TABLE documents (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    candidate_id  uuid NOT NULL REFERENCES candidates (id),
    -- A partner's upload to its own nomination.
    nomination_id uuid REFERENCES nominations (id),
    kind          text NOT NULL CHECK (kind IN ('cv', 'diploma', 'transcript', 'id_card', 'recommendation', 'decision', 'other')),
    filename      text NOT NULL CHECK (btrim(filename) <> '' AND length(filename) <= 255),
    -- Found from the content, never from the name.
    content_type  text NOT NULL CHECK (content_type IN ('application/pdf',
                      'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'image/jpeg', 'image/png')),
    size          bigint NOT NULL CHECK (size > 0),
    sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    -- The text of a PDF or DOCX (pdftotext, the DOCX's XML), and the same folded for search.
    text          text,
    search_text   text,
    uploaded_by   text NOT NULL,
    uploaded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_candidate ON documents (candidate_id, uploaded_at, id);
CREATE INDEX documents_nomination ON documents (nomination_id) WHERE nomination_id IS NOT NULL;
CREATE INDEX documents_search ON documents USING gin (search_text gin_trgm_ops);
COMMENT ON COLUMN documents.candidate_id IS 'personal: reference; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN documents.nomination_id IS 'not personal: the nomination it came with';
COMMENT ON COLUMN documents.kind IS 'not personal: cv, diploma, transcript, id_card, recommendation, decision, other';
COMMENT ON COLUMN documents.filename IS 'personal: profile; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN documents.content_type IS 'not personal: the type found from the content';
COMMENT ON COLUMN documents.size IS 'not personal: bytes';
COMMENT ON COLUMN documents.sha256 IS 'not personal: the content''s hash';
COMMENT ON COLUMN documents.text IS 'personal: profile; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN documents.search_text IS 'personal: profile; purpose: recruitment; retention: candidate';
COMMENT ON COLUMN documents.uploaded_by IS 'personal: staff; purpose: accountability; retention: candidate';

CREATE TABLE document_chunks (
    document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq         integer NOT NULL CHECK (seq >= 0),
    bytes       bytea NOT NULL,
    PRIMARY KEY (document_id, seq)
);
-- A scan of the căn cước card is sensitive data (Decree 356/2025/NĐ-CP): restricted roles, every read logged.
COMMENT ON COLUMN document_chunks.bytes IS 'personal: profile; purpose: recruitment; retention: candidate; sensitive: yes';

REVOKE ALL ON documents, document_chunks FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON documents, document_chunks TO talent_app;
