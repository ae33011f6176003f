export default /* sql */ `
-- Group records: members by first name or nickname only, attendance, flipchart, quiz answers, the game.
CREATE TABLE members (
  id INTEGER PRIMARY KEY,
  cohort_id INTEGER NOT NULL REFERENCES cohorts (id),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  joined_at_ms INTEGER NOT NULL,
  graduated_at_ms INTEGER,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE UNIQUE INDEX members_name_in_cohort ON members (cohort_id, name COLLATE NOCASE);

CREATE TABLE attendance (
  session_id INTEGER NOT NULL REFERENCES sessions (id),
  member_id INTEGER NOT NULL REFERENCES members (id),
  checked_in_at_ms INTEGER NOT NULL,
  PRIMARY KEY (session_id, member_id)
) STRICT;

CREATE TABLE flipchart_entries (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions (id),
  question_id TEXT NOT NULL,
  text TEXT NOT NULL CHECK (length(trim(text)) > 0),
  created_at_ms INTEGER NOT NULL
) STRICT;

CREATE INDEX flipchart_by_question ON flipchart_entries (session_id, question_id, id);

-- One row per member and quiz item; written the moment the answer is entered.
CREATE TABLE quiz_answers (
  session_id INTEGER NOT NULL REFERENCES sessions (id),
  member_id INTEGER NOT NULL REFERENCES members (id),
  item_id TEXT NOT NULL,
  answer TEXT NOT NULL CHECK (length(answer) = 1),
  correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
  entered_by TEXT NOT NULL CHECK (entered_by IN ('counselor', 'self')),
  answered_at_ms INTEGER NOT NULL,
  PRIMARY KEY (session_id, member_id, item_id)
) STRICT;

CREATE TABLE game_teams (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions (id),
  number INTEGER NOT NULL CHECK (number >= 1),
  scenario_id TEXT,
  UNIQUE (session_id, number)
) STRICT;

CREATE TABLE game_team_members (
  team_id INTEGER NOT NULL REFERENCES game_teams (id),
  member_id INTEGER NOT NULL REFERENCES members (id),
  PRIMARY KEY (team_id, member_id)
) STRICT;

-- Points per criterion; the participation bonus is stored under criterion_id 'bonus'.
CREATE TABLE game_scores (
  team_id INTEGER NOT NULL REFERENCES game_teams (id),
  criterion_id TEXT NOT NULL,
  points INTEGER NOT NULL CHECK (points >= 0),
  PRIMARY KEY (team_id, criterion_id)
) STRICT;
`;
