-- The public portal's organization search by name (社会公众, 000 第十七条) at a city's scale (DESIGN: p99 ≤ 50 ms
-- with 1 M organizations). Chinese queries are often two characters (a trade name such as 鹭鑫), which pg_trgm's
-- trigrams cannot serve, and results are ordered (names that start with the text, then the shortest names),
-- which no GIN index returns in order. So the database keeps an inverted index of the two-character pieces
-- (bigrams) of organization names, each posting carrying the lowercased name, in the order the results
-- page: the postings of a frequent bigram (有限, 厦门) are read in that order and reading stops after one page;
-- those of a rare one are few enough to read whole. The subject table is read only for the page found.

-- The distinct bigrams of a lowercased name; `at_start` marks the one it begins with. ILIKE compares
-- lowercased text in a multibyte database, so a name matches `%text%` only if it holds every bigram of text.
-- Not STRICT, so that the planner inlines it.
CREATE FUNCTION subject_name_bigrams(name text) RETURNS TABLE (bigram text, at_start boolean)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT substr(lowered, i, 2), min(i) = 1
  FROM (SELECT lower(name) AS lowered) AS n, generate_series(1, char_length(lowered) - 1) AS i
  GROUP BY 1
$$;

-- Only organizations: a natural person is never found by name on a public channel (R64; 003 第二十条 ¶3).
CREATE TABLE subject_name_bigram (
  bigram        text NOT NULL,
  -- char_length(name): shorter names come first in the results.
  name_length   integer NOT NULL,
  subject_code  text NOT NULL,
  at_start      boolean NOT NULL,
  -- lower(subject.name), so that a posting is checked against the whole text within the index, by LIKE on
  -- lowercased text (what ILIKE does, without lowercasing the name at every look).
  folded_name   text NOT NULL
);

INSERT INTO subject_name_bigram (bigram, name_length, subject_code, at_start, folded_name)
SELECT b.bigram, char_length(s.name), s.subject_code, b.at_start, lower(s.name)
FROM subject AS s CROSS JOIN LATERAL subject_name_bigrams(s.name) AS b
WHERE s.kind <> 'natural_person';

-- Built after the backfill, which is faster than maintaining them row by row.
ALTER TABLE subject_name_bigram
  ADD PRIMARY KEY (bigram, name_length, subject_code) INCLUDE (at_start, folded_name);
-- Names that start with the text come first. When there are many (厦门…), they are read in result order
-- from the names starting with the same bigram; when there are few, they are found by prefix and sorted.
CREATE INDEX subject_name_bigram_start ON subject_name_bigram (bigram, name_length, subject_code)
  INCLUDE (folded_name) WHERE at_start;
CREATE INDEX subject_name_bigram_prefix ON subject_name_bigram (folded_name text_pattern_ops) WHERE at_start;
-- A page reads a few dozen postings: a parallel plan's start-up would cost more than the whole walk.
ALTER TABLE subject_name_bigram SET (parallel_workers = 0);

-- The search itself (subjects/store.ts searchOrganizations): the organization with `code`, if any, then up to
-- `wanted` organizations whose name contains `query` case-insensitively, in result order, each row carrying
-- the number of matches counted up to `cap` + 1. A function, so that a session plans its statements once.
CREATE FUNCTION search_organizations(query text, code text, wanted integer, cap integer)
RETURNS TABLE (subject_code text, name text, kind text, division_code text, total integer)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
DECLARE
  -- ILIKE lowercases both sides in a multibyte database: LIKE on lowercased text is the same test.
  escaped text := regexp_replace(lower(query), '([\\%_])', '\\\1', 'g');
  contains text := '%' || escaped || '%';
  starts_with text := escaped || '%';
  found_code text;
  b record;
  first_bigram text;
  rarest text;
  rarest_postings integer;
  densest text;
  densest_hits integer := -1;
  named text[] := '{}';
  matches integer := 0;
  -- A list this short is read whole; a longer one is walked in result order.
  short_list constant integer := 200;
BEGIN
  SELECT s.subject_code INTO found_code
  FROM subject AS s WHERE s.subject_code = code AND s.kind <> 'natural_person';

  -- Each bigram of the text: how many names hold it (up to a short list), and how many of its first hundred
  -- postings hold the whole text, that is how densely its names match.
  FOR b IN
    SELECT q.bigram, q.at_start,
      (SELECT count(*) FROM (
        SELECT 1 FROM subject_name_bigram AS p WHERE p.bigram = q.bigram LIMIT short_list + 1) AS c) AS postings,
      (SELECT count(*) FROM (
        SELECT p.folded_name FROM subject_name_bigram AS p WHERE p.bigram = q.bigram
        ORDER BY p.name_length, p.subject_code LIMIT 100) AS h
       WHERE h.folded_name LIKE contains) AS hits
    FROM subject_name_bigrams(query) AS q
  LOOP
    IF b.at_start THEN first_bigram := b.bigram; END IF;
    IF rarest IS NULL OR b.postings < rarest_postings THEN
      rarest := b.bigram;
      rarest_postings := b.postings;
    END IF;
    IF b.hits > densest_hits THEN
      densest := b.bigram;
      densest_hits := b.hits;
    END IF;
  END LOOP;

  IF rarest_postings BETWEEN 1 AND short_list THEN
    -- A rare bigram: all its postings are checked, ordered and counted.
    SELECT coalesce(array_agg(m.subject_code ORDER BY m.starts DESC, m.name_length, m.subject_code), '{}'),
      count(*)
    INTO named, matches
    FROM (
      SELECT p.subject_code, p.name_length, p.folded_name LIKE starts_with AS starts
      FROM subject_name_bigram AS p
      WHERE p.bigram = rarest AND p.folded_name LIKE contains
        AND p.subject_code IS DISTINCT FROM found_code
    ) AS m;
    named := named[1:wanted];
  ELSIF rarest_postings > short_list AND densest_hits < 10 THEN
    -- Every bigram is frequent, but few of their names hold the whole text (厦门科技): the trigram index
    -- (subject_name_trgm) intersects the lists and finds the few that do.
    named := ARRAY(
      SELECT s.subject_code FROM subject AS s
      WHERE s.name ILIKE contains AND s.kind <> 'natural_person' AND s.subject_code IS DISTINCT FROM found_code
      ORDER BY s.name ILIKE starts_with DESC, char_length(s.name), s.subject_code LIMIT wanted);
    SELECT count(*) INTO matches FROM (
      SELECT 1 FROM subject AS s
      WHERE s.name ILIKE contains AND s.kind <> 'natural_person' AND s.subject_code IS DISTINCT FROM found_code
      LIMIT cap + 1) AS c;
  ELSIF rarest_postings > short_list THEN
    -- Every bigram is frequent, and so are the matches: they are read in result order, and reading stops
    -- after the page, counting after the cap.
    SELECT count(*) INTO matches FROM (
      SELECT 1 FROM subject_name_bigram AS p
      WHERE p.bigram = densest AND p.folded_name LIKE contains AND p.subject_code IS DISTINCT FROM found_code
      LIMIT cap + 1) AS c;
    -- Names that start with the text come first: read through the names that start with the same bigram
    -- when they are many, found by prefix and sorted when few.
    IF (SELECT count(*) FROM (
          SELECT 1 FROM subject_name_bigram AS p WHERE p.at_start AND p.folded_name LIKE starts_with
          LIMIT cap + 1) AS c) > cap THEN
      named := ARRAY(
        SELECT p.subject_code FROM subject_name_bigram AS p
        WHERE p.bigram = first_bigram AND p.at_start AND p.folded_name LIKE starts_with
          AND p.subject_code IS DISTINCT FROM found_code
        ORDER BY p.name_length, p.subject_code LIMIT wanted);
    ELSE
      named := ARRAY(
        SELECT p.subject_code FROM subject_name_bigram AS p
        WHERE p.at_start AND p.folded_name LIKE starts_with AND p.subject_code IS DISTINCT FROM found_code
        ORDER BY p.name_length, p.subject_code LIMIT wanted);
    END IF;
    -- Then the other names, through the bigram whose names match most densely.
    IF cardinality(named) < wanted THEN
      named := named || ARRAY(
        SELECT p.subject_code FROM subject_name_bigram AS p
        WHERE p.bigram = densest AND p.folded_name LIKE contains AND p.folded_name NOT LIKE starts_with
          AND p.subject_code IS DISTINCT FROM found_code
        ORDER BY p.name_length, p.subject_code LIMIT wanted - cardinality(named));
    END IF;
  END IF;

  IF found_code IS NOT NULL THEN
    named := found_code || named;
    matches := matches + 1;
  END IF;
  RETURN QUERY
    SELECT s.subject_code, s.name, s.kind, s.division_code::text, matches
    FROM unnest(named) WITH ORDINALITY AS n (subject_code, position)
    JOIN subject AS s ON s.subject_code = n.subject_code
    ORDER BY n.position;
END;
$$;

-- Kept by the database itself, so every way a subject is written (collection, the registry feed, seed, SQL)
-- keeps the index right. Subjects arrive in batches: one insert per statement.
CREATE FUNCTION subject_name_bigram_add() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO subject_name_bigram (bigram, name_length, subject_code, at_start, folded_name)
  SELECT b.bigram, char_length(s.name), s.subject_code, b.at_start, lower(s.name)
  FROM added_subjects AS s CROSS JOIN LATERAL subject_name_bigrams(s.name) AS b
  WHERE s.kind <> 'natural_person';
  RETURN NULL;
END;
$$;
CREATE TRIGGER subject_name_bigram_add AFTER INSERT ON subject
  REFERENCING NEW TABLE AS added_subjects
  FOR EACH STATEMENT EXECUTE FUNCTION subject_name_bigram_add();

-- A renamed subject (the registry feed, R45), or one removed: row by row, as they are rare.
CREATE FUNCTION subject_name_bigram_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM subject_name_bigram
  WHERE bigram IN (SELECT b.bigram FROM subject_name_bigrams(OLD.name) AS b)
    AND name_length = char_length(OLD.name)
    AND subject_code = OLD.subject_code;
  IF TG_OP = 'UPDATE' AND NEW.kind <> 'natural_person' THEN
    INSERT INTO subject_name_bigram (bigram, name_length, subject_code, at_start, folded_name)
    SELECT b.bigram, char_length(NEW.name), NEW.subject_code, b.at_start, lower(NEW.name)
    FROM subject_name_bigrams(NEW.name) AS b;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER subject_name_bigram_change AFTER UPDATE ON subject
  FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.kind IS DISTINCT FROM NEW.kind
    OR OLD.subject_code IS DISTINCT FROM NEW.subject_code)
  EXECUTE FUNCTION subject_name_bigram_change();
CREATE TRIGGER subject_name_bigram_remove AFTER DELETE ON subject
  FOR EACH ROW EXECUTE FUNCTION subject_name_bigram_change();

CREATE FUNCTION subject_name_bigram_clear() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE subject_name_bigram;
  RETURN NULL;
END;
$$;
CREATE TRIGGER subject_name_bigram_clear AFTER TRUNCATE ON subject
  FOR EACH STATEMENT EXECUTE FUNCTION subject_name_bigram_clear();
