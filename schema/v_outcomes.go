package schema

// vOutcomes records what the evaluation's tables need (issue 16, DESIGN.md
// "Outcomes and the evaluation's tables"):
//
//   - on a person: her ethnicity and offence group (words of Ethnicity and
//     OffenceGroup, 'not_recorded' by default) and the number of previous
//     custodial sentences (NULL when unknown);
//   - on an event: notice_days (only on a released event: the days of
//     notice the service had) and outcome (only on a court_outcome event:
//     a word of CourtOutcome); NULL otherwise;
//   - readings: a woman's own rating, 1 (worst) to 10 (best), of an area
//     (wellbeing or a need area) on a date, perhaps taken at a contact.
const vOutcomes = `
ALTER TABLE people ADD COLUMN ethnicity TEXT NOT NULL DEFAULT 'not_recorded';
ALTER TABLE people ADD COLUMN offence_group TEXT NOT NULL DEFAULT 'not_recorded';
ALTER TABLE people ADD COLUMN previous_custodial_sentences INTEGER;
ALTER TABLE events ADD COLUMN notice_days INTEGER;
ALTER TABLE events ADD COLUMN outcome TEXT;

CREATE TABLE readings (
	id         TEXT PRIMARY KEY,
	person_id  TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	date       TEXT NOT NULL,
	area       TEXT NOT NULL,
	score      INTEGER NOT NULL CHECK (score BETWEEN 1 AND 10),
	contact_id TEXT REFERENCES contacts(id) ON DELETE SET NULL
);
CREATE INDEX readings_person ON readings(person_id, area, date);
CREATE INDEX readings_date ON readings(date);
CREATE INDEX readings_contact ON readings(contact_id);
`
