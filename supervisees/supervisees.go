// Package supervisees is a supervisor's side of supervision between vaults
// (shared/DESIGN.md, "Working together"): the latest supervision pack each
// supervisee sent (held read-only, under her fingerprint, so two
// supervisees' "d1" never clash; a newer pack supersedes the older one),
// and the sessions the supervisor writes on them (notes, a comment per
// entry, actions with owners and due dates, sign-off), which go back to the
// supervisee as a reply.
package supervisees

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"inreach/exchange"
	"inreach/schema"
)

// A Pack is the latest supervision pack from one supervisee.
type Pack struct {
	Sender     string // her fingerprint
	BundleID   string
	Created    string // when she sent it (RFC 3339)
	ReceivedAt string
	Redacted   bool
	Doc        *exchange.Document // her entries, their contacts' facts, open actions
}

// StorePackTx keeps doc as sender's latest pack, replacing the older one,
// inside the caller's transaction.
func StorePackTx(tx *sql.Tx, sender, bundleID, created, receivedAt string, redacted bool, doc *exchange.Document) error {
	var b bytes.Buffer
	if err := exchange.Write(&b, doc); err != nil {
		return err
	}
	_, err := tx.Exec(`INSERT INTO supervisee_packs(sender, bundle_id, created, received_at, redacted, document) VALUES (?,?,?,?,?,?)
		ON CONFLICT(sender) DO UPDATE SET bundle_id=excluded.bundle_id, created=excluded.created,
			received_at=excluded.received_at, redacted=excluded.redacted, document=excluded.document`,
		sender, bundleID, created, receivedAt, redacted, b.String())
	if err != nil {
		return fmt.Errorf("keeping the supervision pack: %w", err)
	}
	return nil
}

// ErrNoPack is returned by GetPack for a supervisee who sent none.
var ErrNoPack = errors.New("no supervision pack has been received from this person")

// GetPack returns sender's latest pack.
func GetPack(db *sql.DB, sender string) (*Pack, error) {
	p := &Pack{Sender: sender}
	var doc string
	err := db.QueryRow(`SELECT bundle_id, created, received_at, redacted, document FROM supervisee_packs WHERE sender = ?`, sender).
		Scan(&p.BundleID, &p.Created, &p.ReceivedAt, &p.Redacted, &doc)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNoPack
	}
	if err != nil {
		return nil, err
	}
	if p.Doc, err = exchange.Read(strings.NewReader(doc)); err != nil {
		return nil, fmt.Errorf("the supervision pack is unreadable: %w", err)
	}
	return p, nil
}

// A PackSummary is one line of the Supervisees view.
type PackSummary struct {
	Sender     string
	BundleID   string
	Created    string
	ReceivedAt string
	Redacted   bool
}

// ListPacks lists the packs held, newest first.
func ListPacks(db *sql.DB) ([]PackSummary, error) {
	rows, err := db.Query(`SELECT sender, bundle_id, created, received_at, redacted FROM supervisee_packs ORDER BY received_at DESC, sender`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PackSummary
	for rows.Next() {
		var p PackSummary
		if err := rows.Scan(&p.Sender, &p.BundleID, &p.Created, &p.ReceivedAt, &p.Redacted); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// A Session is what the supervisor writes at a supervision meeting about
// one supervisee's pack.
type Session struct {
	ID          string
	Sender      string // the supervisee's fingerprint
	Date        string
	Supervisor  string
	Notes       string
	Entries     []Entry // diary ids of her pack, with a comment each
	Actions     []Action
	SignedOffOn string
	Answers     string // the pack's bundle id (set by Save when empty)
	SentBundle  string // the reply's bundle id, once sent
}

// An Entry is one of her diary entries discussed, by its id in her pack.
type Entry struct {
	DiaryID string
	Comment string
}

// An Action agreed at the session.
type Action struct {
	Text  string
	Owner string
	Due   string
}

func (ss *Session) check(pack *Pack) error {
	var c schema.Checker
	dateOK := c.Date("Date", ss.Date, true)
	c.Text("Supervisor", ss.Supervisor)
	c.Text("Notes", ss.Notes)
	if c.Date("SignedOffOn", ss.SignedOffOn, false) && dateOK && ss.SignedOffOn != "" && ss.SignedOffOn < ss.Date {
		c.Add("SignedOffOn", "A session cannot be signed off before the day it took place.")
	}
	inPack := map[string]bool{}
	for _, e := range pack.Doc.Diary {
		inPack[e.ID] = true
	}
	seen := map[string]bool{}
	for i, e := range ss.Entries {
		f := fmt.Sprintf("Entries[%d]", i)
		switch {
		case !inPack[e.DiaryID]:
			c.Add(f+".DiaryID", "There is no entry %q in what she sent.", e.DiaryID)
		case seen[e.DiaryID]:
			c.Add(f+".DiaryID", "This diary entry is in the session twice.")
		}
		seen[e.DiaryID] = true
		c.Text(f+".Comment", e.Comment)
	}
	for i, a := range ss.Actions {
		f := fmt.Sprintf("Actions[%d]", i)
		if strings.TrimSpace(a.Text) == "" {
			c.Add(f+".Text", "Say what the action is.")
		}
		c.Text(f+".Text", a.Text)
		c.Text(f+".Owner", a.Owner)
		c.Date(f+".Due", a.Due, false)
	}
	return c.Err()
}

// Save validates and writes a session (a new id when it has none). Its
// entries must be in the supervisee's latest pack.
func Save(db *sql.DB, ss *Session) error {
	pack, err := GetPack(db, ss.Sender)
	if err != nil {
		return err
	}
	if err := ss.check(pack); err != nil {
		return err
	}
	if ss.ID == "" {
		ss.ID = schema.NewID("s")
	}
	if ss.Answers == "" {
		ss.Answers = pack.BundleID
	}
	return schema.WithTx(db, func(tx *sql.Tx) error {
		if _, err := tx.Exec(`INSERT INTO supervisee_sessions(id, sender, date, supervisor, notes, signed_off_on, answers, sent_bundle)
			VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET date=excluded.date, supervisor=excluded.supervisor,
			notes=excluded.notes, signed_off_on=excluded.signed_off_on, answers=excluded.answers`,
			ss.ID, ss.Sender, ss.Date, ss.Supervisor, ss.Notes, nullable(ss.SignedOffOn), ss.Answers, ss.SentBundle); err != nil {
			return fmt.Errorf("saving the session: %w", err)
		}
		for _, t := range []string{"supervisee_session_entries", "supervisee_session_actions"} {
			if _, err := tx.Exec(`DELETE FROM `+t+` WHERE session_id = ?`, ss.ID); err != nil {
				return err
			}
		}
		for i, e := range ss.Entries {
			if _, err := tx.Exec(`INSERT INTO supervisee_session_entries(session_id, diary_id, position, comment) VALUES (?,?,?,?)`,
				ss.ID, e.DiaryID, i, e.Comment); err != nil {
				return err
			}
		}
		for i, a := range ss.Actions {
			if _, err := tx.Exec(`INSERT INTO supervisee_session_actions(session_id, position, text, owner, due) VALUES (?,?,?,?,?)`,
				ss.ID, i, strings.TrimSpace(a.Text), strings.TrimSpace(a.Owner), nullable(a.Due)); err != nil {
				return err
			}
		}
		return nil
	})
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// ErrNoSession is returned by Get for an unknown id.
var ErrNoSession = errors.New("there is no supervision session with that id")

// Get reads a session with its entries and actions.
func Get(db *sql.DB, id string) (*Session, error) {
	ss := &Session{ID: id}
	var signed sql.NullString
	err := db.QueryRow(`SELECT sender, date, supervisor, notes, signed_off_on, answers, sent_bundle FROM supervisee_sessions WHERE id = ?`, id).
		Scan(&ss.Sender, &ss.Date, &ss.Supervisor, &ss.Notes, &signed, &ss.Answers, &ss.SentBundle)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w (%q)", ErrNoSession, id)
	}
	if err != nil {
		return nil, err
	}
	ss.SignedOffOn = signed.String
	rows, err := db.Query(`SELECT diary_id, comment FROM supervisee_session_entries WHERE session_id = ? ORDER BY position`, id)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var e Entry
		if err := rows.Scan(&e.DiaryID, &e.Comment); err != nil {
			rows.Close()
			return nil, err
		}
		ss.Entries = append(ss.Entries, e)
	}
	rows.Close()
	rows, err = db.Query(`SELECT text, owner, coalesce(due,'') FROM supervisee_session_actions WHERE session_id = ? ORDER BY position`, id)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var a Action
		if err := rows.Scan(&a.Text, &a.Owner, &a.Due); err != nil {
			rows.Close()
			return nil, err
		}
		ss.Actions = append(ss.Actions, a)
	}
	rows.Close()
	return ss, rows.Err()
}

// List lists the sessions written about one supervisee (all when sender is
// ""), newest first.
func List(db *sql.DB, sender string) ([]Session, error) {
	rows, err := db.Query(`SELECT id FROM supervisee_sessions WHERE ? = '' OR sender = ? ORDER BY date DESC, id`, sender, sender)
	if err != nil {
		return nil, err
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	var out []Session
	for _, id := range ids {
		s, err := Get(db, id)
		if err != nil {
			return nil, err
		}
		out = append(out, *s)
	}
	return out, nil
}

// MarkSentTx records that the session went out in bundle bundleID.
func MarkSentTx(tx *sql.Tx, id, bundleID string) error {
	_, err := tx.Exec(`UPDATE supervisee_sessions SET sent_bundle = ? WHERE id = ?`, bundleID, id)
	return err
}

// AsReply is the session as an interchange supervision record, for the
// reply bundle.
func (ss *Session) AsReply() exchange.Supervision {
	s := exchange.Supervision{ID: ss.ID, Date: ss.Date, Supervisor: ss.Supervisor, Notes: ss.Notes,
		Entries: []string{}, Comments: map[string]string{}, Actions: []exchange.SupervisionAction{}}
	for _, e := range ss.Entries {
		s.Entries = append(s.Entries, e.DiaryID)
		if e.Comment != "" {
			s.Comments[e.DiaryID] = e.Comment
		}
	}
	for _, a := range ss.Actions {
		a := a
		var due *string
		if a.Due != "" {
			due = &a.Due
		}
		s.Actions = append(s.Actions, exchange.SupervisionAction{Text: a.Text, Owner: a.Owner, Due: due})
	}
	if ss.SignedOffOn != "" {
		v := ss.SignedOffOn
		s.SignedOffOn = &v
	}
	return s
}
