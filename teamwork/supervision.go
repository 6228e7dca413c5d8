package teamwork

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"inreach/bundle"
	"inreach/diary"
	"inreach/exchange"
	"inreach/pdf"
	"inreach/supervisees"
	"inreach/team"
)

// SupervisionOptions choose what a supervision pack holds.
type SupervisionOptions struct {
	// From and To (YYYY-MM-DD, inclusive): the entries of a period. When
	// both are "", the entries marked for supervision.
	From, To string
	// Redact replaces every woman's name with her pseudonym (or "[name
	// withheld]") in names and free text, as the redacted supervision PDF
	// does, and leaves out prison numbers, dates of birth and sensitive
	// flags (which are left out in any case).
	Redact bool
}

// PrepareSupervision builds the supervision pack for supervisor to: the
// diary entries chosen, the facts of their linked contacts (date, kind,
// place, each woman's row), the women at those contacts (name or
// pseudonym, status), the establishments of those contacts (name and kind
// only), and the open actions of earlier supervision sessions.
func PrepareSupervision(ctx context.Context, db *sql.DB, to team.Member, opt SupervisionOptions) (*Outgoing, error) {
	if (opt.From == "") != (opt.To == "") {
		return nil, errors.New("give both ends of the period (--from and --to), or neither to send the entries marked for supervision")
	}
	full, err := exchange.Export(ctx, db, exchange.ExportOptions{})
	if err != nil {
		return nil, err
	}
	var red *pdf.Redactor
	text := func(s string) string { return s }
	if opt.Redact {
		if red, err = pdf.NewRedactor(ctx, db); err != nil {
			return nil, err
		}
		text = red.Redact
	}
	d := &exchange.Document{}
	contacts := map[string]bool{}
	for _, e := range full.Diary {
		chosen := e.Status == "for_supervision"
		if opt.From != "" {
			chosen = e.Date >= opt.From && e.Date <= opt.To
		}
		if !chosen {
			continue
		}
		for i := range e.Sections {
			e.Sections[i].Body = text(e.Sections[i].Body)
		}
		d.Diary = append(d.Diary, e)
		if e.Contact != nil {
			contacts[*e.Contact] = true
		}
	}
	if len(d.Diary) == 0 {
		if opt.From != "" {
			return nil, fmt.Errorf("there are no diary entries from %s to %s to send", opt.From, opt.To)
		}
		return nil, errors.New("no diary entries are marked for supervision; mark some, or send those of a period with --from and --to")
	}
	people, places := map[string]bool{}, map[string]bool{}
	for _, c := range full.Contacts {
		if !contacts[c.ID] {
			continue
		}
		c.Place = text(c.Place)
		c.Logistics = nil
		for i := range c.People {
			c.People[i].Note = text(c.People[i].Note)
			people[c.People[i].Person] = true
		}
		if c.Establishment != nil {
			places[*c.Establishment] = true
		}
		d.Contacts = append(d.Contacts, c)
	}
	for _, p := range full.People {
		if !people[p.ID] {
			continue
		}
		q := exchange.Person{ID: p.ID, Name: p.Name, Pseudonym: p.Pseudonym, Status: p.Status, Referral: p.Referral}
		if opt.Redact {
			q.Name, q.Pseudonym = red.Pseudonym(p.ID), ""
		}
		d.People = append(d.People, q)
	}
	for _, e := range full.Establishments {
		if places[e.ID] {
			d.Establishments = append(d.Establishments, exchange.Establishment{ID: e.ID, Name: e.Name, Kind: e.Kind})
		}
	}
	for _, s := range full.Supervision {
		var open []exchange.SupervisionAction
		for _, a := range s.Actions {
			if a.DoneOn == nil {
				a.Text = text(a.Text)
				open = append(open, a)
			}
		}
		if len(open) == 0 {
			continue
		}
		d.Supervision = append(d.Supervision, exchange.Supervision{ID: s.ID, Date: s.Date, Supervisor: s.Supervisor,
			Entries: []string{}, Comments: map[string]string{}, Actions: open, SignedOffOn: s.SignedOffOn})
	}
	ids := make([]string, len(d.Diary))
	for i, e := range d.Diary {
		ids[i] = e.ID
	}
	out := &Outgoing{Kind: bundle.KindSupervision, To: to, Doc: d,
		Summary: fmt.Sprintf("%d diary %s for supervision%s", len(d.Diary), plural(len(d.Diary), "entry", "entries"), map[bool]string{true: ", names redacted"}[opt.Redact])}
	out.after = func(tx *sql.Tx, h bundle.Header) error {
		for _, id := range ids {
			dg, err := entryDigest(tx, id)
			if err != nil {
				return err
			}
			if _, err := tx.Exec(`INSERT INTO supervision_sent(diary_id, bundle_id, digest, sent_on) VALUES (?,?,?,?)
				ON CONFLICT(diary_id) DO UPDATE SET bundle_id=excluded.bundle_id, digest=excluded.digest, sent_on=excluded.sent_on`,
				id, h.ID, dg, h.Created); err != nil {
				return fmt.Errorf("recording the entries sent: %w", err)
			}
		}
		return nil
	}
	return out, nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// entryDigest is a digest of what a diary entry says (date, contact,
// template, sections, tags; not its status), to tell later whether it was
// edited after it was sent.
func entryDigest(tx *sql.Tx, id string) (string, error) {
	h := sha256.New()
	var date, template string
	var contact sql.NullString
	if err := tx.QueryRow(`SELECT date, contact_id, template FROM diary WHERE id = ?`, id).Scan(&date, &contact, &template); err != nil {
		return "", fmt.Errorf("reading diary entry %s: %w", id, err)
	}
	fmt.Fprintf(h, "%q %q %q\n", date, contact.String, template)
	for _, q := range []string{`SELECT key || '=' || body FROM diary_sections WHERE diary_id = ? ORDER BY position, key`,
		`SELECT tag FROM diary_tags WHERE diary_id = ? ORDER BY position, tag`} {
		rows, err := tx.Query(q, id)
		if err != nil {
			return "", err
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				rows.Close()
				return "", err
			}
			fmt.Fprintf(h, "%q\n", s)
		}
		rows.Close()
		fmt.Fprintln(h, "--")
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// supervision keeps a supervisee's pack in the supervisor's vault,
// superseding the one before.
func (in *incoming) supervision() (func(tx *sql.Tx) (string, error), error) {
	if err := only(in.doc, "supervision", "establishments", "people", "contacts", "diary", "supervision"); err != nil {
		return nil, err
	}
	if len(in.doc.Diary) == 0 {
		return nil, refuse(ErrInvalid, "this supervision bundle holds no diary entries; nothing was changed")
	}
	keep := *in.doc
	if err := validateAlone(in.ctx, in.doc, nil); err != nil {
		return nil, err
	}
	redacted := true
	for _, p := range keep.People {
		if p.Pseudonym != "" {
			redacted = false
		}
	}
	n := len(keep.Diary)
	return func(tx *sql.Tx) (string, error) {
		if err := supervisees.StorePackTx(tx, in.from.Fingerprint(), in.h.ID, in.h.Created, in.receivedAt, redacted && len(keep.People) > 0, &keep); err != nil {
			return "", err
		}
		return fmt.Sprintf("a supervision pack of %d diary %s from %s", n, plural(n, "entry", "entries"), in.from.Name), nil
	}, nil
}

// PrepareReply builds the reply to a supervisee: the session written on
// her pack (supervisees.Session), addressed to her.
func PrepareReply(ctx context.Context, db *sql.DB, sessionID string) (*Outgoing, error) {
	ss, err := supervisees.Get(db, sessionID)
	if err != nil {
		return nil, err
	}
	var to team.Member
	members, err := team.List(db)
	if err != nil {
		return nil, err
	}
	found := false
	for _, m := range members {
		if m.Fingerprint() == ss.Sender {
			to, found = m, true
		}
	}
	if !found {
		return nil, errors.New("the supervisee of this session is no longer on the team list; add her again to send the reply")
	}
	rec := ss.AsReply()
	d := &exchange.Document{Supervision: []exchange.Supervision{rec}}
	out := &Outgoing{Kind: bundle.KindReply, To: to, Answers: ss.Answers, Doc: d,
		Summary: fmt.Sprintf("the supervision session of %s (%d %s)", ss.Date, len(ss.Entries), plural(len(ss.Entries), "entry", "entries"))}
	out.stub = func(tx *sql.Tx) error { return stubDiary(tx, rec.Entries) }
	out.after = func(tx *sql.Tx, h bundle.Header) error { return supervisees.MarkSentTx(tx, ss.ID, h.ID) }
	return out, nil
}

// stubDiary adds placeholder diary entries with these ids to a scratch
// database, so that a reply's references check as they will in the
// supervisee's vault.
func stubDiary(tx *sql.Tx, ids []string) error {
	for _, id := range ids {
		if _, err := tx.Exec(`INSERT OR IGNORE INTO diary(id, date) VALUES (?, '2000-01-01')`, id); err != nil {
			return err
		}
	}
	return nil
}

// reply merges a supervisor's session into the practitioner's supervision
// record: the session (with comments and actions) is saved as the diary
// package saves any session, so signed-off entries become discussed; an
// entry edited since it was sent keeps its comment and is marked changed
// since it was sent (ChangedSinceSent).
func (in *incoming) reply() (func(tx *sql.Tx) (string, error), error) {
	if err := only(in.doc, "reply", "supervision"); err != nil {
		return nil, err
	}
	if len(in.doc.Supervision) != 1 {
		return nil, refuse(ErrInvalid, "a supervision reply holds exactly one session; this one holds %d; nothing was changed", len(in.doc.Supervision))
	}
	s := in.doc.Supervision[0]
	// Her entries the session names must be in this vault: checked as
	// import checks references, against stubs of the entries that are.
	var present []string
	for _, id := range s.Entries {
		var n int
		if err := in.db.QueryRow(`SELECT count(*) FROM diary WHERE id = ?`, id).Scan(&n); err != nil {
			return nil, err
		}
		if n > 0 {
			present = append(present, id)
		}
	}
	if err := validateAlone(in.ctx, in.doc, func(tx *sql.Tx) error { return stubDiary(tx, present) }); err != nil {
		return nil, err
	}
	ss := &diary.Session{ID: s.ID, Date: s.Date, Supervisor: s.Supervisor, Notes: s.Notes}
	if strings.TrimSpace(ss.Supervisor) == "" {
		ss.Supervisor = in.from.Name
	}
	if s.SignedOffOn != nil {
		ss.SignedOffOn = *s.SignedOffOn
	}
	for _, id := range s.Entries {
		ss.Entries = append(ss.Entries, diary.SessionEntry{DiaryID: id, Comment: s.Comments[id]})
	}
	for _, a := range s.Actions {
		sa := diary.SessionAction{Text: a.Text, Owner: a.Owner}
		if a.Due != nil {
			sa.Due = *a.Due
		}
		if a.DoneOn != nil {
			sa.DoneOn = *a.DoneOn
		}
		ss.Actions = append(ss.Actions, sa)
	}
	return func(tx *sql.Tx) (string, error) {
		var owner string
		err := tx.QueryRow(`SELECT sender FROM supervision_received WHERE supervision_id = ?`, ss.ID).Scan(&owner)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			var n int
			if err := tx.QueryRow(`SELECT count(*) FROM supervision WHERE id = ?`, ss.ID).Scan(&n); err != nil {
				return "", err
			}
			if n > 0 {
				return "", refuse(ErrInvalid, "this reply's session has the id of a supervision session of your own (%q); nothing was changed", ss.ID)
			}
		case err != nil:
			return "", err
		case owner != in.from.Fingerprint():
			return "", refuse(ErrInvalid, "this reply's session has the id of a session received from someone else (%q); nothing was changed", ss.ID)
		}
		if err := diary.SaveSessionTx(tx, ss); err != nil {
			return "", invalid(err)
		}
		if _, err := tx.Exec(`INSERT INTO supervision_received(supervision_id, sender, bundle_id) VALUES (?,?,?)
			ON CONFLICT(supervision_id) DO UPDATE SET bundle_id = excluded.bundle_id`, ss.ID, in.from.Fingerprint(), in.h.ID); err != nil {
			return "", err
		}
		if _, err := tx.Exec(`DELETE FROM supervision_changed WHERE supervision_id = ?`, ss.ID); err != nil {
			return "", err
		}
		for _, e := range ss.Entries {
			var sent string
			err := tx.QueryRow(`SELECT digest FROM supervision_sent WHERE diary_id = ?`, e.DiaryID).Scan(&sent)
			if errors.Is(err, sql.ErrNoRows) {
				continue
			}
			if err != nil {
				return "", err
			}
			now, err := entryDigest(tx, e.DiaryID)
			if err != nil {
				return "", err
			}
			if now != sent {
				if _, err := tx.Exec(`INSERT INTO supervision_changed(supervision_id, diary_id) VALUES (?,?)`, ss.ID, e.DiaryID); err != nil {
					return "", err
				}
			}
		}
		what := "not yet signed off"
		if ss.SignedOffOn != "" {
			what = "signed off on " + ss.SignedOffOn
		}
		return fmt.Sprintf("the supervision session of %s from %s (%d %s, %s)", ss.Date, in.from.Name, len(ss.Entries), plural(len(ss.Entries), "entry", "entries"), what), nil
	}, nil
}

// ChangedSinceSent lists the diary ids of a received session's entries
// that were edited after they were sent for supervision (the screen shows
// "changed since it was sent" beside each).
func ChangedSinceSent(db *sql.DB, sessionID string) (map[string]bool, error) {
	rows, err := db.Query(`SELECT diary_id FROM supervision_changed WHERE supervision_id = ?`, sessionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// ReceivedFrom says who sent a supervision session in a reply: her name
// on the team list when it arrived and true, or "", false for a session
// written in this vault.
func ReceivedFrom(db *sql.DB, sessionID string) (string, bool, error) {
	var name string
	err := db.QueryRow(`SELECT r.sender_name FROM supervision_received s JOIN bundles_received r ON r.bundle_id = s.bundle_id WHERE s.supervision_id = ?`, sessionID).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return name, err == nil, err
}
