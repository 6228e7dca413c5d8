package teamwork

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"time"

	"inreach/bundle"
	"inreach/exchange"
	"inreach/identity"
	"inreach/schema"
	"inreach/team"
)

// An Outgoing bundle, made by a Prepare function and sent by Send.
type Outgoing struct {
	Kind    string
	To      team.Member
	Answers string // the id of the bundle it answers, or ""
	Doc     *exchange.Document
	// Summary says what it holds, without any woman's name ("5 diary
	// entries", "2 women").
	Summary string
	// PersonIDs are the women of a handover (to erase after, if chosen).
	PersonIDs []string
	// after records, in Send's transaction, what sending means for this
	// kind (digests of entries sent, handed_over events, a reply's id).
	after func(tx *sql.Tx, h bundle.Header) error
	// stub adds to the scratch database what the records may point at in
	// the recipient's vault (a reply's diary entries).
	stub func(tx *sql.Tx) error
}

// Sent is what Send did.
type Sent struct {
	Path    string
	Header  bundle.Header
	Summary string
	Bytes   int
}

// Send seals out, signed by me and encrypted to its recipient and to me,
// writes it to path (owner-only, through a temporary file renamed over),
// opens the written file again with this vault's identity and checks it is
// the same bundle, and then records it (bundles_sent, and what the kind
// needs) in one transaction. The caller saves the vault. If anything fails
// before the record, nothing in the vault changed and no file is left at
// path.
func Send(ctx context.Context, db *sql.DB, me *identity.Identity, out *Outgoing, path string) (*Sent, error) {
	exchange.Sort(out.Doc)
	out.Doc.Format, out.Doc.Version = exchange.Format, exchange.Version
	out.Doc.ExportedAt = time.Now().UTC().Format(time.RFC3339)
	// What is sent passes the checks the recipient will make.
	check := *out.Doc
	if err := validateAlone(ctx, &check, out.stub); err != nil {
		return nil, fmt.Errorf("these records cannot be sent: %w", err)
	}
	var payload bytes.Buffer
	if err := exchange.Write(&payload, out.Doc); err != nil {
		return nil, err
	}
	data, h, err := bundle.Seal(me, out.To.ID, out.Kind, out.Answers, payload.Bytes())
	if err != nil {
		return nil, err
	}
	if err := WriteFile(path, data); err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			os.Remove(path)
		}
	}()
	if err := checkWritten(path, me, h, payload.Bytes()); err != nil {
		return nil, err
	}
	err = schema.WithTx(db, func(tx *sql.Tx) error {
		if _, err := tx.Exec(`INSERT INTO bundles_sent(bundle_id, recipient, kind, created, records) VALUES (?,?,?,?,?)`,
			h.ID, out.To.Fingerprint(), out.Kind, h.Created, records(out.Doc)); err != nil {
			return fmt.Errorf("recording the bundle sent: %w", err)
		}
		if out.after != nil {
			return out.after(tx, h)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	ok = true
	return &Sent{Path: path, Header: h, Summary: out.Summary, Bytes: len(data)}, nil
}

// checkWritten opens the bundle at path with this vault's identity (a
// bundle is sealed to its sender too) and checks it is the one just made.
func checkWritten(path string, me *identity.Identity, h bundle.Header, payload []byte) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("the bundle was written but could not be read back: %w", err)
	}
	defer f.Close()
	o, err := bundle.Open(f, me)
	if err != nil {
		return fmt.Errorf("the bundle was written but does not open again (%v); nothing was sent", err)
	}
	if o.Header != h || !bytes.Equal(o.Payload, payload) {
		return fmt.Errorf("the bundle was written but reads back differently; nothing was sent")
	}
	return nil
}

// A SentRecord is one line of the log of bundles sent.
type SentRecord struct {
	BundleID  string
	Recipient string // her fingerprint
	Name      string // her name on the team list now ("" if no longer on it)
	Kind      string
	Created   string
	Records   int
}

// SentLog lists the bundles sent, newest first.
func SentLog(db *sql.DB) ([]SentRecord, error) {
	rows, err := db.Query(`SELECT s.bundle_id, s.recipient, coalesce(t.name, ''), s.kind, s.created, s.records
		FROM bundles_sent s LEFT JOIN team t ON t.fingerprint = s.recipient ORDER BY s.created DESC, s.bundle_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SentRecord
	for rows.Next() {
		var r SentRecord
		if err := rows.Scan(&r.BundleID, &r.Recipient, &r.Name, &r.Kind, &r.Created, &r.Records); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
