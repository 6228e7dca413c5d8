package schema

// v1 is the first schema: every record kind of the interchange format in
// shared/DESIGN.md, plus what the app keeps beside them (release plans,
// booking, supervisor comments, newsletter checklists, settings, drafts).
//
// Conventions:
//   - ids are TEXT chosen by the writer (import keeps them; the app makes
//     new ones with NewID);
//   - dates are TEXT 'YYYY-MM-DD', times 'HH:MM'; an absent date is NULL;
//   - booleans are INTEGER 0/1;
//   - enumerations are stored as the words of DESIGN.md (see enums.go);
//   - child rows cascade when their parent is deleted.
const v1 = `
CREATE TABLE establishments (
	id              TEXT PRIMARY KEY,
	name            TEXT NOT NULL,
	kind            TEXT NOT NULL DEFAULT 'prison',
	address         TEXT NOT NULL DEFAULT '',
	booking_contact TEXT NOT NULL DEFAULT '',
	notes           TEXT NOT NULL DEFAULT ''
);

CREATE TABLE agencies (
	id           TEXT PRIMARY KEY,
	name         TEXT NOT NULL,
	category     TEXT NOT NULL DEFAULT '',
	area         TEXT NOT NULL DEFAULT '',
	services     TEXT NOT NULL DEFAULT '',
	key_contact  TEXT NOT NULL DEFAULT '',
	phone        TEXT NOT NULL DEFAULT '',
	email        TEXT NOT NULL DEFAULT '',
	website      TEXT NOT NULL DEFAULT '',
	last_checked TEXT,
	notes        TEXT NOT NULL DEFAULT ''
);

CREATE TABLE people (
	id                     TEXT PRIMARY KEY,
	name                   TEXT NOT NULL,
	pseudonym              TEXT NOT NULL DEFAULT '',
	date_of_birth          TEXT,
	prison_number          TEXT NOT NULL DEFAULT '',
	status                 TEXT NOT NULL DEFAULT 'referred',
	establishment_id       TEXT REFERENCES establishments(id) ON DELETE SET NULL,
	sentence               TEXT NOT NULL DEFAULT '',
	release_date           TEXT,
	release_date_confirmed INTEGER NOT NULL DEFAULT 0,
	referral               TEXT NOT NULL DEFAULT 'new',
	referral_date          TEXT,
	consent_recorded_on    TEXT,
	consent_share_with     TEXT NOT NULL DEFAULT '',
	safety_note            TEXT NOT NULL DEFAULT '',
	closed_on              TEXT,
	-- why a closed record past the retention period is being kept
	retention_note         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX people_name ON people(name);
CREATE INDEX people_status ON people(status);
CREATE INDEX people_release ON people(release_date);

CREATE TABLE person_needs (
	person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	area      TEXT NOT NULL,
	status    TEXT NOT NULL DEFAULT 'open',
	note      TEXT NOT NULL DEFAULT '',
	position  INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (person_id, area)
);

CREATE TABLE person_sensitive (
	person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	flag      TEXT NOT NULL,
	position  INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (person_id, flag)
);

-- The release-day plan checklist (issue 3.3). item is one of
-- schema.ReleasePlanItems.
CREATE TABLE release_plan (
	person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	item      TEXT NOT NULL,
	done      INTEGER NOT NULL DEFAULT 0,
	note      TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (person_id, item)
);

CREATE TABLE contacts (
	id                 TEXT PRIMARY KEY,
	date               TEXT NOT NULL,
	start_time         TEXT NOT NULL DEFAULT '',
	end_time           TEXT NOT NULL DEFAULT '',
	kind               TEXT NOT NULL,
	establishment_id   TEXT REFERENCES establishments(id) ON DELETE SET NULL,
	-- free-text place when there is no establishment (the gate, the station)
	place              TEXT NOT NULL DEFAULT '',
	has_logistics      INTEGER NOT NULL DEFAULT 0,
	room_booked        INTEGER NOT NULL DEFAULT 0,
	late_start_minutes INTEGER NOT NULL DEFAULT 0,
	logistics_note     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contacts_date ON contacts(date);
CREATE INDEX contacts_kind_date ON contacts(kind, date);

-- One row per woman at a contact: booked, seen or not and why, the note.
CREATE TABLE contact_people (
	contact_id      TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
	person_id       TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	position        INTEGER NOT NULL DEFAULT 0,
	booked          INTEGER NOT NULL DEFAULT 1,
	seen            INTEGER NOT NULL DEFAULT 0,
	not_seen_reason TEXT NOT NULL DEFAULT '',
	note            TEXT NOT NULL DEFAULT '',
	wellbeing       INTEGER,
	PRIMARY KEY (contact_id, person_id)
);
CREATE INDEX contact_people_person ON contact_people(person_id);

CREATE TABLE contact_needs (
	contact_id TEXT NOT NULL,
	person_id  TEXT NOT NULL,
	area       TEXT NOT NULL,
	position   INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (contact_id, person_id, area),
	FOREIGN KEY (contact_id, person_id) REFERENCES contact_people(contact_id, person_id) ON DELETE CASCADE
);

CREATE TABLE contact_items (
	contact_id TEXT NOT NULL,
	person_id  TEXT NOT NULL,
	item       TEXT NOT NULL,
	quantity   INTEGER NOT NULL DEFAULT 1,
	position   INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (contact_id, person_id, item),
	FOREIGN KEY (contact_id, person_id) REFERENCES contact_people(contact_id, person_id) ON DELETE CASCADE
);

CREATE TABLE actions (
	id         TEXT PRIMARY KEY,
	person_id  TEXT REFERENCES people(id) ON DELETE CASCADE,
	contact_id TEXT REFERENCES contacts(id) ON DELETE SET NULL,
	agency_id  TEXT REFERENCES agencies(id) ON DELETE SET NULL,
	text       TEXT NOT NULL,
	due        TEXT,
	done_on    TEXT
);
CREATE INDEX actions_person ON actions(person_id);
CREATE INDEX actions_open_due ON actions(done_on, due);

CREATE TABLE events (
	id        TEXT PRIMARY KEY,
	person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	date      TEXT NOT NULL,
	kind      TEXT NOT NULL,
	note      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_person ON events(person_id, date);
CREATE INDEX events_kind_date ON events(kind, date);

CREATE TABLE diary (
	id         TEXT PRIMARY KEY,
	date       TEXT NOT NULL,
	contact_id TEXT REFERENCES contacts(id) ON DELETE SET NULL,
	template   TEXT NOT NULL DEFAULT 'visit_reflection',
	status     TEXT NOT NULL DEFAULT 'draft'
);
CREATE INDEX diary_date ON diary(date);
CREATE INDEX diary_contact ON diary(contact_id);

-- Sections in template order; key is one of the template's keys.
CREATE TABLE diary_sections (
	diary_id TEXT NOT NULL REFERENCES diary(id) ON DELETE CASCADE,
	key      TEXT NOT NULL,
	body     TEXT NOT NULL DEFAULT '',
	position INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (diary_id, key)
);

CREATE TABLE diary_tags (
	diary_id TEXT NOT NULL REFERENCES diary(id) ON DELETE CASCADE,
	tag      TEXT NOT NULL,
	position INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (diary_id, tag)
);

CREATE TABLE supervision (
	id            TEXT PRIMARY KEY,
	date          TEXT NOT NULL,
	supervisor    TEXT NOT NULL DEFAULT '',
	notes         TEXT NOT NULL DEFAULT '',
	signed_off_on TEXT
);

-- The entries discussed at a session, with the supervisor's comment on each.
CREATE TABLE supervision_entries (
	supervision_id TEXT NOT NULL REFERENCES supervision(id) ON DELETE CASCADE,
	diary_id       TEXT NOT NULL REFERENCES diary(id) ON DELETE CASCADE,
	position       INTEGER NOT NULL DEFAULT 0,
	comment        TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (supervision_id, diary_id)
);

CREATE TABLE supervision_actions (
	supervision_id TEXT NOT NULL REFERENCES supervision(id) ON DELETE CASCADE,
	position       INTEGER NOT NULL,
	text           TEXT NOT NULL,
	owner          TEXT NOT NULL DEFAULT '',
	due            TEXT,
	done_on        TEXT,
	PRIMARY KEY (supervision_id, position)
);

CREATE TABLE letters (
	id        TEXT PRIMARY KEY,
	person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	date      TEXT NOT NULL,
	direction TEXT NOT NULL,
	channel   TEXT NOT NULL DEFAULT 'letter',
	summary   TEXT NOT NULL DEFAULT '',
	reply_due TEXT
);
CREATE INDEX letters_person ON letters(person_id, date);
CREATE INDEX letters_date ON letters(date);

CREATE TABLE letter_enclosures (
	letter_id TEXT NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
	item      TEXT NOT NULL,
	position  INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (letter_id, position)
);

CREATE TABLE newsletters (
	id     TEXT PRIMARY KEY,
	title  TEXT NOT NULL DEFAULT '',
	issue  INTEGER NOT NULL DEFAULT 0,
	date   TEXT NOT NULL,
	status TEXT NOT NULL DEFAULT 'draft'
);

CREATE TABLE newsletter_sections (
	newsletter_id TEXT NOT NULL REFERENCES newsletters(id) ON DELETE CASCADE,
	position      INTEGER NOT NULL,
	heading       TEXT NOT NULL DEFAULT '',
	body          TEXT NOT NULL DEFAULT '',
	contributor   TEXT NOT NULL DEFAULT '',
	consent       INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (newsletter_id, position)
);

CREATE TABLE newsletter_sent_to (
	newsletter_id TEXT NOT NULL REFERENCES newsletters(id) ON DELETE CASCADE,
	person_id     TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	position      INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (newsletter_id, person_id)
);

-- The prison-mail checklist items the author has ticked for an issue.
CREATE TABLE newsletter_checklist (
	newsletter_id TEXT NOT NULL REFERENCES newsletters(id) ON DELETE CASCADE,
	item          TEXT NOT NULL,
	PRIMARY KEY (newsletter_id, item)
);

-- Settings: practitioner name, organisation, lock timeout, retention years…
CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

-- Autosaved form drafts (a visit write-up, a diary entry in progress), so
-- nothing typed is lost when the window closes or the vault locks. body is
-- JSON owned by the screen that wrote it.
CREATE TABLE drafts (
	key        TEXT PRIMARY KEY,
	kind       TEXT NOT NULL,
	title      TEXT NOT NULL DEFAULT '',
	body       TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
`
