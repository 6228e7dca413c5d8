package teamwork

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"inreach/bundle"
	"inreach/identity"
	"inreach/privfile"
	"inreach/team"
)

// SettingExchangeFolder is the settings key of the exchange folder.
const SettingExchangeFolder = "exchange_folder"

// Folder returns the exchange folder, "" when none is set.
func Folder(db *sql.DB) string {
	var v string
	if err := db.QueryRow(`SELECT value FROM settings WHERE key = ?`, SettingExchangeFolder).Scan(&v); err != nil {
		return ""
	}
	return v
}

// SetFolder sets the exchange folder; it must be an existing folder ("" to
// unset).
func SetFolder(db *sql.DB, dir string) error {
	if dir == "" {
		_, err := db.Exec(`DELETE FROM settings WHERE key = ?`, SettingExchangeFolder)
		return err
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	st, err := os.Stat(abs)
	if err != nil || !st.IsDir() {
		return fmt.Errorf("%s is not a folder; choose the folder your organisation syncs (create it first)", dir)
	}
	_, err = db.Exec(`INSERT INTO settings(key, value) VALUES (?,?) ON CONFLICT(key) DO UPDATE SET value=excluded.value`,
		SettingExchangeFolder, abs)
	return err
}

// FileName is a new bundle file name: the kind, today's date and a random
// part, never anything about a woman ("inreach-handover-2026-12-07-3f9a1c2b.inreach").
func FileName(kind string) string {
	var b [4]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	return "inreach-" + kind + "-" + time.Now().Format("2006-01-02") + "-" + hex.EncodeToString(b[:]) + ".inreach"
}

// PathInFolder is a new file path for a bundle of kind in the exchange
// folder; an error says plainly when no folder is set.
func PathInFolder(db *sql.DB, kind string) (string, error) {
	dir := Folder(db)
	if dir == "" {
		return "", errors.New("no exchange folder is set: set one (inreach folder DIR, or Settings) or say where to write the bundle with -o FILE.inreach")
	}
	return filepath.Join(dir, FileName(kind)), nil
}

// WriteFile writes data to path owner-only and whole (privfile.Write): a
// reader of the folder sees the whole bundle or none of it.
func WriteFile(path string, data []byte) error {
	return privfile.Write(path, data)
}

// A Waiting bundle in the exchange folder, addressed to this vault.
type Waiting struct {
	Path        string
	BundleID    string
	Kind        string
	Created     string // RFC 3339
	From        string // her name on the team list, "" when not on it
	Fingerprint string // the sender's
	OnTeam      bool
	Received    bool // already received (Tidy removes it)
}

// Describe is a line for the inbox: "supervision reply from Sam Cole, 2026-12-07".
func (w Waiting) Describe() string {
	from := w.From
	if !w.OnTeam {
		from = "someone not on your team list (fingerprint " + w.Fingerprint + ")"
	}
	kind := map[string]string{bundle.KindSupervision: "supervision pack", bundle.KindReply: "supervision reply",
		bundle.KindHandover: "handover", bundle.KindContribution: "newsletter contribution"}[w.Kind]
	s := kind + " from " + from + ", " + dateOf(w.Created)
	if w.Received {
		s += " (already received)"
	}
	return s
}

func dateOf(rfc string) string {
	t, err := time.Parse(time.RFC3339, rfc)
	if err != nil {
		return rfc
	}
	return t.Local().Format("2006-01-02")
}

// Inbox lists the bundles in dir addressed to this vault, oldest first.
// It only reads: a file it cannot open (for someone else, damaged, not a
// bundle), and the bundles this vault sent, are left alone and not listed.
func Inbox(db *sql.DB, me *identity.Identity, dir string) ([]Waiting, error) {
	names, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("could not read the exchange folder %s: %w", dir, err)
	}
	members, err := team.List(db)
	if err != nil {
		return nil, err
	}
	var out []Waiting
	for _, de := range names {
		if de.IsDir() || !strings.HasSuffix(de.Name(), ".inreach") {
			continue
		}
		p := filepath.Join(dir, de.Name())
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		o, err := bundle.Open(f, me)
		f.Close()
		if err != nil || !o.Recipient.Equal(me.Public()) {
			continue
		}
		w := Waiting{Path: p, BundleID: o.Header.ID, Kind: o.Header.Kind, Created: o.Header.Created,
			Fingerprint: o.Sender.Fingerprint()}
		for _, m := range members {
			if m.ID.Equal(o.Sender) {
				w.From, w.OnTeam = m.Name, true
			}
		}
		w.Received, err = received(db, o.Header.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Created != out[j].Created {
			return out[i].Created < out[j].Created
		}
		return out[i].Path < out[j].Path
	})
	return out, nil
}

func received(q interface {
	QueryRow(string, ...any) *sql.Row
}, id string) (bool, error) {
	var n int
	if err := q.QueryRow(`SELECT count(*) FROM bundles_received WHERE bundle_id = ?`, id).Scan(&n); err != nil {
		return false, err
	}
	return n > 0, nil
}

// Tidy removes from dir the bundles addressed to this vault that it has
// already received, and returns their paths. Nothing else is touched.
func Tidy(db *sql.DB, me *identity.Identity, dir string) ([]string, error) {
	ws, err := Inbox(db, me, dir)
	if err != nil {
		return nil, err
	}
	var removed []string
	for _, w := range ws {
		if !w.Received {
			continue
		}
		if err := os.Remove(w.Path); err != nil {
			return removed, fmt.Errorf("could not remove %s: %w", w.Path, err)
		}
		removed = append(removed, w.Path)
	}
	return removed, nil
}

// Summary is the inbox in one line, for a banner: "2 waiting: supervision
// reply from Sam Cole, handover from Kay Lin" ("" when nothing waits).
func Summary(ws []Waiting) string {
	var parts []string
	for _, w := range ws {
		if w.Received {
			continue
		}
		d := w.Describe()
		if i := strings.LastIndex(d, ", "); i > 0 && w.OnTeam {
			d = d[:i]
		}
		parts = append(parts, d)
	}
	if len(parts) == 0 {
		return ""
	}
	return fmt.Sprintf("%d waiting: %s", len(parts), strings.Join(parts, "; "))
}
