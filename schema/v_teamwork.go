package schema

// vTeamwork adds what working together needs (shared/DESIGN.md, "Working
// together: sealed exchange between vaults"): this vault's own key pairs,
// the team list, the log of bundles sent and received, what a supervisor
// holds for her supervisees, what a practitioner sent for supervision, and
// the newsletter editor's contributions inbox. Migrations are SQL only: the
// keys themselves are made in Go (identity.Ensure) when a vault is created
// or opened.
//
// Keys, IDs and fingerprints are declared BLOB although they hold text:
// erasure rewrites a woman's name wherever it appears in a TEXT column, and
// an ID or a fingerprint can contain a short word ("Key", "Bead") that
// must never be rewritten. A BLOB column stores the text as it is given.
const vTeamwork = `
-- This vault's identity: an age X25519 key pair for receiving and an
-- Ed25519 key pair for signing. One row; the secrets never leave the
-- sealed database.
CREATE TABLE identity (
	one         INTEGER PRIMARY KEY CHECK (one = 1),
	age_secret  BLOB NOT NULL,
	sign_secret BLOB NOT NULL,
	created     TEXT NOT NULL
);

-- The people this vault exchanges bundles with. id_line is their Inreach
-- ID; fingerprint is derived from it.
CREATE TABLE team (
	name        TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
	id_line     BLOB NOT NULL UNIQUE,
	fingerprint BLOB NOT NULL UNIQUE,
	role        TEXT NOT NULL DEFAULT 'colleague',
	verified    INTEGER NOT NULL DEFAULT 0,
	added_on    TEXT NOT NULL
);

-- Every bundle received (a replay of one of these changes nothing).
CREATE TABLE bundles_received (
	bundle_id   TEXT PRIMARY KEY,
	sender      BLOB NOT NULL, -- the sender's fingerprint
	sender_name TEXT NOT NULL,
	kind        TEXT NOT NULL,
	created     TEXT NOT NULL,
	received_at TEXT NOT NULL,
	file_name   TEXT NOT NULL DEFAULT ''
);

-- Every bundle sent (no names of women: kind, recipient, counts).
CREATE TABLE bundles_sent (
	bundle_id   TEXT PRIMARY KEY,
	recipient   BLOB NOT NULL, -- the recipient's fingerprint
	kind        TEXT NOT NULL,
	created     TEXT NOT NULL,
	records     INTEGER NOT NULL DEFAULT 0
);

-- Diary entries sent for supervision: a digest of each as it was sent, so
-- that a reply can say which were changed since.
CREATE TABLE supervision_sent (
	diary_id  TEXT NOT NULL PRIMARY KEY REFERENCES diary(id) ON DELETE CASCADE,
	bundle_id TEXT NOT NULL,
	digest    BLOB NOT NULL,
	sent_on   TEXT NOT NULL
);

-- Sessions received in a reply, by the supervisor who sent them; and the
-- entries of those sessions that were edited after they were sent.
CREATE TABLE supervision_received (
	supervision_id TEXT NOT NULL PRIMARY KEY REFERENCES supervision(id) ON DELETE CASCADE,
	sender         BLOB NOT NULL,
	bundle_id      TEXT NOT NULL
);
CREATE TABLE supervision_changed (
	supervision_id TEXT NOT NULL REFERENCES supervision(id) ON DELETE CASCADE,
	diary_id       TEXT NOT NULL REFERENCES diary(id) ON DELETE CASCADE,
	PRIMARY KEY (supervision_id, diary_id)
);

-- In a supervisor's vault: the latest supervision pack of each supervisee
-- (an interchange document, held read-only; its ids are the supervisee's
-- own), and the sessions the supervisor writes on them.
CREATE TABLE supervisee_packs (
	sender      BLOB NOT NULL PRIMARY KEY, -- the supervisee's fingerprint
	bundle_id   TEXT NOT NULL,
	created     TEXT NOT NULL,
	received_at TEXT NOT NULL,
	redacted    INTEGER NOT NULL DEFAULT 0,
	-- BLOB: erasure's rewriting of a name (a woman called Place or Date)
	-- must not break the document's field names.
	document    BLOB NOT NULL
);
CREATE TABLE supervisee_sessions (
	id            TEXT PRIMARY KEY,
	sender        BLOB NOT NULL, -- the supervisee's fingerprint
	date          TEXT NOT NULL,
	supervisor    TEXT NOT NULL DEFAULT '',
	notes         TEXT NOT NULL DEFAULT '',
	signed_off_on TEXT,
	answers       BLOB NOT NULL DEFAULT '', -- the pack's bundle id
	sent_bundle   BLOB NOT NULL DEFAULT ''
);
CREATE TABLE supervisee_session_entries (
	session_id TEXT NOT NULL REFERENCES supervisee_sessions(id) ON DELETE CASCADE,
	diary_id   TEXT NOT NULL, -- an id in the supervisee's pack
	position   INTEGER NOT NULL DEFAULT 0,
	comment    TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (session_id, diary_id)
);
CREATE TABLE supervisee_session_actions (
	session_id TEXT NOT NULL REFERENCES supervisee_sessions(id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	text       TEXT NOT NULL,
	owner      TEXT NOT NULL DEFAULT '',
	due        TEXT,
	PRIMARY KEY (session_id, position)
);

-- In a newsletter editor's vault: sections contributed by colleagues.
-- status: waiting, accepted, declined.
CREATE TABLE contributions (
	id            TEXT PRIMARY KEY,
	bundle_id     TEXT NOT NULL,
	sender        BLOB NOT NULL,
	sender_name   TEXT NOT NULL,
	received_at   TEXT NOT NULL,
	heading       TEXT NOT NULL DEFAULT '',
	body          TEXT NOT NULL DEFAULT '',
	contributor   TEXT NOT NULL DEFAULT '',
	consent       INTEGER NOT NULL DEFAULT 0,
	status        TEXT NOT NULL DEFAULT 'waiting',
	newsletter_id TEXT REFERENCES newsletters(id) ON DELETE SET NULL
);
`
