export default /* sql */ `
-- What the program's rule alone cannot know: sessions a member attended on paper before the kiosk
-- (with a note saying where that comes from), and the counselor's decision on a certificate when it
-- differs from the rule, always with the reason.
ALTER TABLE members ADD COLUMN prior_sessions INTEGER NOT NULL DEFAULT 0
  CHECK (prior_sessions BETWEEN 0 AND 999);
ALTER TABLE members ADD COLUMN prior_note TEXT;
ALTER TABLE members ADD COLUMN certificate_override TEXT
  CHECK (certificate_override IN ('grant', 'withhold'));
ALTER TABLE members ADD COLUMN certificate_reason TEXT;
`;
