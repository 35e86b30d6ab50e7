-- The working-day calendar's administrator layer: each year's State Council holiday notice as loaded, and
-- the days it makes holidays or make-up working days. These win over the packaged official data.

CREATE TABLE calendar_notice (
  year       integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  source     text NOT NULL,
  notice     jsonb NOT NULL,
  loaded_at  timestamptz NOT NULL,
  loaded_by  text NOT NULL
);

CREATE TABLE calendar_override (
  day     date PRIMARY KEY,
  year    integer NOT NULL REFERENCES calendar_notice (year) ON DELETE CASCADE,
  kind    text NOT NULL CHECK (kind IN ('workday', 'holiday')),
  name    text,
  source  text NOT NULL,
  CHECK (extract(year FROM day) = year)
);
