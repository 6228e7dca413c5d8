package teamwork

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"inreach/bundle"
	"inreach/exchange"
	"inreach/identity"
	"inreach/team"
)

// A Result says what Receive merged.
type Result struct {
	Header  bundle.Header
	From    team.Member
	Summary string // in plain words, without any woman's name
}

// Receive checks the bundle read from r and merges it into db (see the
// package comment for the checks, in order). fileName is logged with the
// receipt (the base name only is kept). The caller saves the vault once.
// Every refusal is a *Refusal or a *bundle.Error, and leaves db unchanged.
func Receive(ctx context.Context, db *sql.DB, me *identity.Identity, r io.Reader, fileName string) (*Result, error) {
	o, err := bundle.Open(r, me)
	if err != nil {
		return nil, err
	}
	from, err := team.ByID(db, o.Sender)
	if errors.Is(err, team.ErrNotMember) {
		if o.Sender.Equal(me.Public()) {
			return nil, refuse(ErrNotForThisVault, "this is a bundle this vault sent (to the person with fingerprint %s); it is for her to receive", o.Recipient.Fingerprint())
		}
		rf := refuse(ErrUnknownSender, "this bundle is from someone who is not on your team list; nothing was changed.\n"+
			"Their fingerprint is %s. If you know who sent it, compare this fingerprint with them (in person or by phone) and add them:\n"+
			"inreach team add NAME %s --verified", o.Sender.Fingerprint(), o.Sender.String())
		rf.Fingerprint = o.Sender.Fingerprint()
		rf.SenderID = o.Sender.String()
		return nil, rf
	}
	if err != nil {
		return nil, err
	}
	if !o.Recipient.Equal(me.Public()) {
		rf := refuse(ErrNotForThisVault, "this bundle from %s is addressed to someone else (fingerprint %s), not to this vault; nothing was changed", from.Name, o.Recipient.Fingerprint())
		rf.Fingerprint = o.Sender.Fingerprint()
		return nil, rf
	}
	if seen, err := received(db, o.Header.ID); err != nil {
		return nil, err
	} else if seen {
		var when string
		db.QueryRow(`SELECT received_at FROM bundles_received WHERE bundle_id = ?`, o.Header.ID).Scan(&when)
		return nil, refuse(ErrAlreadyReceived, "this %s bundle from %s was already received (on %s); nothing was changed", o.Header.Kind, from.Name, dateOf(when))
	}
	doc, err := readPayload(o.Payload)
	if err != nil {
		return nil, err
	}
	in := &incoming{ctx: ctx, db: db, h: o.Header, from: from, doc: doc, receivedAt: time.Now().UTC().Format(time.RFC3339)}
	var merge func(tx *sql.Tx) (string, error)
	switch o.Header.Kind {
	case bundle.KindSupervision:
		merge, err = in.supervision()
	case bundle.KindReply:
		merge, err = in.reply()
	case bundle.KindHandover:
		merge, err = in.handover()
	case bundle.KindContribution:
		merge, err = in.contribution()
	default:
		err = refuse(ErrInvalid, "this bundle is of a kind this Inreach does not know (%q)", o.Header.Kind)
	}
	if err != nil {
		return nil, err
	}
	res := &Result{Header: o.Header, From: from}
	tx, err := db.BeginTx(context.Background(), nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if res.Summary, err = merge(tx); err != nil {
		var ie *exchange.ImportErrors
		if errors.As(err, &ie) {
			return nil, invalid(err)
		}
		return nil, err
	}
	if _, err := tx.Exec(`INSERT INTO bundles_received(bundle_id, sender, sender_name, kind, created, received_at, file_name) VALUES (?,?,?,?,?,?,?)`,
		o.Header.ID, from.Fingerprint(), from.Name, o.Header.Kind, o.Header.Created, in.receivedAt, baseName(fileName)); err != nil {
		return nil, fmt.Errorf("logging the bundle received: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("saving what was received: %w", err)
	}
	return res, nil
}

// incoming is a bundle being received, after the checks of its envelope.
type incoming struct {
	ctx        context.Context
	db         *sql.DB
	h          bundle.Header
	from       team.Member
	doc        *exchange.Document
	receivedAt string
}

func baseName(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' || p[i] == '\\' {
			return p[i+1:]
		}
	}
	return p
}

// A Receipt is one line of the log of bundles received.
type Receipt struct {
	BundleID   string
	Sender     string // fingerprint
	SenderName string
	Kind       string
	Created    string
	ReceivedAt string
}

// Receipts lists the bundles received, newest first.
func Receipts(db *sql.DB) ([]Receipt, error) {
	rows, err := db.Query(`SELECT bundle_id, sender, sender_name, kind, created, received_at FROM bundles_received ORDER BY received_at DESC, bundle_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Receipt
	for rows.Next() {
		var r Receipt
		if err := rows.Scan(&r.BundleID, &r.Sender, &r.SenderName, &r.Kind, &r.Created, &r.ReceivedAt); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ReceiveFile is Receive of the bundle at path (the inbox's "Receive"
// button). The caller saves the vault.
func ReceiveFile(ctx context.Context, db *sql.DB, me *identity.Identity, path string) (*Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("could not open %s: %w", path, err)
	}
	defer f.Close()
	return Receive(ctx, db, me, f, path)
}
