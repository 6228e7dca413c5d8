package vault

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
)

// The benchmarks compare a durable Save of one edited row with its two
// baselines at the same database size: sealing and fsyncing the same number
// of bytes, and the same one-row update committed to a plain unencrypted
// SQLite file in WAL mode with synchronous=FULL. They run only with -bench
// (make bench), never with plain go test:
//
//	go test -tags sqlite_fts5 -run '^$' -bench . -benchtime 5x ./vault/
var benchSizes = []struct {
	name  string
	bytes int
}{
	{"1MB", 1 << 20},
	{"20MB", 20 << 20},
	{"100MB", 100 << 20},
}

var benchWords = strings.Fields(`visit housing probation release gate station
	letter stamps benefits support court advocacy referral wellbeing mother
	children contact prison wing officer escort booked refused room hour
	plan action agency solicitor recovery hostel licence appointment worker`)

// fillDB adds a table of random-ish text until the database holds at least
// size bytes.
func fillDB(b *testing.B, db *sql.DB, size int) {
	b.Helper()
	if _, err := db.Exec(`CREATE TABLE IF NOT EXISTS filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`); err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 7))
	tx, err := db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	stmt, err := tx.Prepare(`INSERT INTO filler (body) VALUES (?)`)
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for written := 0; written < size; {
		sb.Reset()
		for sb.Len() < 2000 {
			sb.WriteString(benchWords[rng.IntN(len(benchWords))])
			sb.WriteByte(' ')
			fmt.Fprint(&sb, rng.IntN(10000))
			sb.WriteByte(' ')
		}
		if _, err := stmt.Exec(sb.String()); err != nil {
			b.Fatal(err)
		}
		written += sb.Len() + 40
	}
	stmt.Close()
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

// dbBytes is the database's size (page_count × page_size).
func dbBytes(b *testing.B, db *sql.DB) int64 {
	var pages, size int64
	if err := db.QueryRow(`PRAGMA page_count`).Scan(&pages); err != nil {
		b.Fatal(err)
	}
	if err := db.QueryRow(`PRAGMA page_size`).Scan(&size); err != nil {
		b.Fatal(err)
	}
	return pages * size
}

func editOneRow(b *testing.B, db *sql.DB, i int) {
	if _, err := db.Exec(`UPDATE filler SET body = ? WHERE id = ?`, fmt.Sprintf("edited note %d", i), 1+i%100); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkSave: one row updated, then a durable Save (the changed pages
// sealed as one record, written after the journal's last record, fsync).
func BenchmarkSave(b *testing.B) {
	for _, s := range benchSizes {
		b.Run(s.name, func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "inreach.vault")
			v, _, err := Create(path, testPass, Options{KDF: cheapKDF})
			if err != nil {
				b.Fatal(err)
			}
			defer v.Close()
			fillDB(b, v.DB(), s.bytes)
			if err := v.Save(); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(dbBytes(b, v.DB()))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				editOneRow(b, v.DB(), i)
				if err := v.Save(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCompact: a journal of 20 one-row saves folded into a new base
// image (read and open the old base chunk by chunk, lay the pages over it,
// seal, write, fsync, backup link, rename, folder fsync).
func BenchmarkCompact(b *testing.B) {
	for _, s := range benchSizes {
		b.Run(s.name, func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "inreach.vault")
			v, _, err := Create(path, testPass, Options{KDF: cheapKDF})
			if err != nil {
				b.Fatal(err)
			}
			defer v.Close()
			fillDB(b, v.DB(), s.bytes)
			if err := v.Save(); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(dbBytes(b, v.DB()))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				for k := 0; k < 20; k++ {
					editOneRow(b, v.DB(), i*20+k)
					if err := v.Save(); err != nil {
						b.Fatal(err)
					}
				}
				b.StartTimer()
				if err := v.Compact(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRawSealWriteFsync: the floor under a whole-file save — seal the same number of
// bytes and write them durably (temp file, fsync, rename, folder fsync).
func BenchmarkRawSealWriteFsync(b *testing.B) {
	for _, s := range benchSizes {
		b.Run(s.name, func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "raw.vault")
			img := randomBytes(s.bytes)
			key := randomBytes(keyLen)
			h := &header{Version: formatVersion, KDF: cheapKDF, Salt: randomBytes(saltLen),
				PassNonce: randomBytes(nonceLen), PassWrap: randomBytes(wrapLen),
				RecNonce: randomBytes(nonceLen), RecWrap: randomBytes(wrapLen)}
			b.SetBytes(int64(s.bytes))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				sealed, err := seal(key, h, img)
				if err != nil {
					b.Fatal(err)
				}
				if err := writeFileAtomic(osFS{}, path, sealed, "the vault"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPlainSQLiteWAL: the same one-row update committed to a plain,
// unencrypted SQLite file of the same size in WAL mode, synchronous=FULL.
func BenchmarkPlainSQLiteWAL(b *testing.B) {
	for _, s := range benchSizes {
		b.Run(s.name, func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "plain.db")
			db, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=WAL&_synchronous=FULL")
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			db.SetMaxOpenConns(1)
			var mode string
			if err := db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
				b.Fatalf("journal mode %q: %v", mode, err)
			}
			var syncMode int
			if err := db.QueryRow(`PRAGMA synchronous`).Scan(&syncMode); err != nil || syncMode != 2 {
				b.Fatalf("synchronous %d: %v", syncMode, err)
			}
			fillDB(b, db, s.bytes)
			b.SetBytes(dbBytes(b, db))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				editOneRow(b, db, i)
			}
		})
	}
}
