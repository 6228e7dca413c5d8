// Command bench measures Inreach on the benchmark corpus of
// shared/DESIGN.md ("Performance") and prints one table per scale:
// operation, median, worst, baseline, ratio. Each baseline is measured in
// the same run: the same work on a plain, unencrypted SQLite file in WAL
// mode, and for saves the raw cost of sealing and fsyncing the same bytes.
//
//	go run -tags sqlite_fts5 ./bench -scale decade,org -o bench-report.md
//
// It is run by `make bench`, never by the tests.
package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/crypto/chacha20poly1305"

	"inreach/demo"
	"inreach/exchange"
	"inreach/notes"
	"inreach/pdf"
	"inreach/report"
	"inreach/schema"
	"inreach/vault"
)

var (
	scales  = flag.String("scale", "decade,org", "comma-separated scales to measure")
	runs    = flag.Int("runs", 15, "repetitions of each fast operation")
	outFile = flag.String("o", "", "also write the report (Markdown) to this file")
	binary  = flag.String("app", "", "the built inreach binary, for the start-up measurement under Xvfb")
	memMode = flag.String("mem", "", "internal: open this vault, use it, and print peak memory")
	cache   = flag.String("cache", "", "keep each scale's generated vault in this folder and reuse it on later runs")
)

const passphrase = "benchmark passphrase"

func main() {
	flag.Parse()
	if *memMode != "" {
		memChild(*memMode)
		return
	}
	var rep bytes.Buffer
	w := io.MultiWriter(os.Stdout, &rep)
	fmt.Fprintf(w, "# Inreach benchmarks\n\n%s, %d CPUs, %s; %d runs per operation.\n", runtime.Version(), runtime.NumCPU(), time.Now().Format("2006-01-02 15:04"), *runs)
	fmt.Fprintln(w, "Baselines are measured in the same run: the same work on a plain unencrypted SQLite file in WAL mode (synchronous=FULL). A save appends the changed pages, sealed, to the vault's change journal; for comparison the table also gives the floor under a whole-file save (the raw seal + write + fsync + rename of the whole image), which is what every save cost before the journal.")
	results := map[string][]row{}
	var order []string
	for _, sc := range strings.Split(*scales, ",") {
		sc = strings.TrimSpace(sc)
		if sc == "" {
			continue
		}
		rows, err := measure(w, sc)
		if err != nil {
			fmt.Fprintf(os.Stderr, "bench %s: %v\n", sc, err)
			os.Exit(1)
		}
		results[sc] = rows
		order = append(order, sc)
	}
	if len(order) >= 2 {
		growth(w, order[0], order[len(order)-1], results)
	}
	if *outFile != "" {
		if err := os.WriteFile(*outFile, rep.Bytes(), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

// row is one line of the table.
type row struct {
	op       string
	median   time.Duration
	worst    time.Duration
	baseline time.Duration // 0: none
	target   string
	note     string // for rows that are not durations
}

func measure(w io.Writer, scale string) ([]row, error) {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "inreach-bench-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "bench.vault")

	gen, imp, err := corpus(scale, path)
	if err != nil {
		return nil, err
	}
	v, err := vault.Open(path, []byte(passphrase), vault.Options{Migrations: schema.Migrations})
	if err != nil {
		return nil, err
	}
	dbBytes := dbSize(v.DB())
	fi, _ := os.Stat(path)
	counts := corpusCounts(v.DB())
	plainPath := filepath.Join(dir, "plain.db")
	if _, err := v.DB().Exec(`VACUUM INTO ?`, plainPath); err != nil {
		return nil, err
	}
	v.Close()
	runtime.GC()
	debug.FreeOSMemory()

	made := fmt.Sprintf("Generated in %s, imported in %s.", round(gen), round(imp))
	if gen == 0 {
		made = "Generated and imported in an earlier run (kept with -cache)."
	}
	fmt.Fprintf(w, "\n## Scale %s\n\n%s; database %.1f MB, vault file %.1f MB. %s\n\n",
		scale, counts, float64(dbBytes)/1e6, float64(fi.Size())/1e6, made)

	plain, err := openPlain(plainPath)
	if err != nil {
		return nil, err
	}
	defer plain.Close()

	var rows []row
	n := *runs

	// Unlock: Argon2id apart, then decrypt + load.
	var kdf, rest []time.Duration
	var plainOpen []time.Duration
	for i := 0; i < max(3, n/3); i++ {
		runtime.GC()
		v, err := vault.Open(path, []byte(passphrase), vault.Options{Migrations: schema.Migrations})
		if err != nil {
			return nil, err
		}
		tm := v.Timings()
		kdf = append(kdf, tm.KDF)
		rest = append(rest, tm.Decrypt+tm.Load)
		v.Close()
		plainOpen = append(plainOpen, timeIt(func() {
			db, err := openPlain(plainPath)
			if err == nil {
				var c int
				db.QueryRow(`SELECT count(*) FROM people`).Scan(&c)
				db.Close()
			}
		}))
	}
	rows = append(rows, row{op: "unlock: Argon2id step", median: median(kdf), worst: worst(kdf), target: "(reported apart)"})
	unlockTarget := "≤ 150 ms"
	memTarget := "≤ 200 MB"
	if scale == "org" {
		unlockTarget, memTarget = "≤ 600 ms", "≤ 500 MB"
	}
	rows = append(rows, row{op: "unlock: decrypt, load, ready", median: median(rest), worst: worst(rest), baseline: median(plainOpen), target: unlockTarget})
	// What this machine needs, now, just to read and decrypt that many bytes:
	// the floor under any unlock of this vault.
	var floor []time.Duration
	for i := 0; i < max(3, n/3); i++ {
		d, err := rawOpen(path)
		if err != nil {
			return nil, err
		}
		floor = append(floor, d)
	}
	rows = append(rows, row{op: "  floor: read the file + XChaCha20-Poly1305 open of its bytes", median: median(floor), worst: worst(floor), target: "(this machine, this minute)"})

	v, err = vault.Open(path, []byte(passphrase), vault.Options{Migrations: schema.Migrations})
	if err != nil {
		return nil, err
	}
	defer v.Close()
	db := v.DB()
	st := notes.New(db)
	pst := notes.New(plain)

	// Durable save of one edited note.
	cid, pid := busyContactRow(db)
	var saves, plainSaves, raw []time.Duration
	var written []int64
	size := dbSize(db)
	for i := 0; i < n; i++ {
		note := fmt.Sprintf("Edited note, revision %d.", i)
		upd := `UPDATE contact_people SET note = ? WHERE contact_id = ? AND person_id = ?`
		before := fileSize(path)
		saves = append(saves, timeIt(func() {
			if _, err := db.Exec(upd, note, cid, pid); err != nil {
				panic(err)
			}
			if err := v.Save(); err != nil {
				panic(err)
			}
		}))
		written = append(written, fileSize(path)-before)
		plainSaves = append(plainSaves, timeIt(func() {
			if _, err := plain.Exec(upd, note, cid, pid); err != nil {
				panic(err)
			}
		}))
		d, err := rawSeal(dir, int(size))
		if err != nil {
			return nil, err
		}
		raw = append(raw, d)
	}
	rows = append(rows, row{op: "durable save of one edited note", median: median(saves), worst: worst(saves), baseline: median(plainSaves), target: "≤ 3 × WAL commit", note: "baseline: the same edit committed to the plain SQLite file in WAL mode"})
	rows = append(rows, row{op: "  same edit, plain SQLite WAL commit", median: median(plainSaves), worst: worst(plainSaves), target: "(baseline)"})
	rows = append(rows, row{op: "  whole-file save floor: raw seal + write + fsync of the image", median: median(raw), worst: worst(raw), target: "(what a save cost before the journal)"})
	rows = append(rows, row{op: "bytes written per one-note save", target: "≤ 64 KB", note: fmt.Sprintf("median %.1f KB, worst %.1f KB (a whole-file save writes %.1f MB)",
		float64(medianInt(written))/1024, float64(maxInt(written))/1024, float64(fileSize(path)-journalBytes(v))/1e6)})

	// The app saves in the background; what a user can feel is how long a
	// read waits while a save holds the database (it serializes the image
	// and then lets go: sealing and writing do not hold it).
	var waits, idle []time.Duration
	for i := 0; i < max(3, n/3); i++ {
		if _, err := db.Exec(`UPDATE contact_people SET note = note || '.' WHERE contact_id = ? AND person_id = ?`, cid, pid); err != nil {
			return nil, err
		}
		done := make(chan error, 1)
		go func() { done <- v.Save() }()
		var longest time.Duration
		started := time.Now()
	loop:
		for {
			select {
			case err := <-done:
				if err != nil {
					return nil, err
				}
				break loop
			default:
				d := timeIt(func() {
					var x int
					db.QueryRow(`SELECT count(*) FROM people`).Scan(&x)
				})
				longest = max(longest, d)
			}
		}
		waits = append(waits, longest)
		idle = append(idle, longestRead(db, time.Since(started)))
	}
	rows = append(rows, row{op: "  longest wait of a read during a background save", median: median(waits), worst: worst(waits), baseline: median(idle), target: "≤ 16 ms", note: "baseline: the longest read in as long a time with no save or compaction running"})

	// Unlock with the journal these saves made: a copy of the file as it
	// is now, opened read-only (a writer's Close would compact it).
	jcopy := filepath.Join(dir, "journal-copy.vault")
	if err := copyFile(path, jcopy); err != nil {
		return nil, err
	}
	recs := v.Journal().Records
	var replay, ready []time.Duration
	for i := 0; i < max(3, n/3); i++ {
		runtime.GC()
		r, err := vault.Open(jcopy, []byte(passphrase), vault.Options{Migrations: schema.Migrations, ReadOnly: true})
		if err != nil {
			return nil, err
		}
		tm := r.Timings()
		replay = append(replay, tm.Replay)
		ready = append(ready, tm.Decrypt+tm.Replay+tm.Load)
		r.Close()
	}
	os.Remove(jcopy)
	rows = append(rows, row{op: fmt.Sprintf("unlock with a journal of %d saves: journal replay", recs), median: median(replay), worst: worst(replay), target: "(reported apart)"})
	rows = append(rows, row{op: "  the same unlock: decrypt, replay, load, ready", median: median(ready), worst: worst(ready), baseline: median(plainOpen), target: unlockTarget})

	// Compaction: the journal folded into a new base image on another
	// goroutine while reads go on.
	var compactions, compactWaits, compactIdle []time.Duration
	for i := 0; i < 3; i++ {
		for k := 0; k < 10; k++ {
			if _, err := db.Exec(`UPDATE contact_people SET note = note || '+' WHERE contact_id = ? AND person_id = ?`, cid, pid); err != nil {
				return nil, err
			}
			if err := v.Save(); err != nil {
				return nil, err
			}
		}
		done := make(chan error, 1)
		var took time.Duration
		go func() {
			t := time.Now()
			err := v.Compact()
			took = time.Since(t)
			done <- err
		}()
		var longest time.Duration
	reads:
		for {
			select {
			case err := <-done:
				if err != nil {
					return nil, err
				}
				break reads
			default:
				d := timeIt(func() {
					var x int
					db.QueryRow(`SELECT count(*) FROM people`).Scan(&x)
				})
				longest = max(longest, d)
			}
		}
		compactions = append(compactions, took)
		compactWaits = append(compactWaits, longest)
		compactIdle = append(compactIdle, longestRead(db, took))
	}
	rows = append(rows, row{op: "compaction (full save of base + journal, in the background)", median: median(compactions), worst: worst(compactions), baseline: median(raw), target: "(reported; off the caller's goroutine)"})
	rows = append(rows, row{op: "  longest wait of a read during a compaction", median: median(compactWaits), worst: worst(compactWaits), baseline: median(compactIdle), target: "≤ 16 ms", note: "baseline: the longest read in as long a time with no save or compaction running"})

	// Search, first page.
	queries := []string{"housing", "probation appointment", "stamps", "benefits", "\"release day\"", "GP", "trauma", "hous"}
	rows = append(rows, both("search, first page (20 hits)", n, "≤ 20 ms", func(d *sql.DB, i int) {
		if _, err := report.Search(ctx, d, queries[i%len(queries)], 20, 0); err != nil {
			panic(err)
		}
	}, db, plain))

	// List women, and a busy woman's timeline.
	rows = append(rows, both("list women", n, "≤ 20 ms", func(d *sql.DB, i int) {
		s := st
		if d == plain {
			s = pst
		}
		if _, err := s.ListPeople(notes.PeopleFilter{IncludeClosed: true}); err != nil {
			panic(err)
		}
	}, db, plain))
	busy := busiestPerson(db)
	rows = append(rows, both("open a woman's timeline (busiest)", n, "≤ 20 ms", func(d *sql.DB, i int) {
		s := st
		if d == plain {
			s = pst
		}
		if _, err := s.Timeline(busy); err != nil {
			panic(err)
		}
	}, db, plain))

	// Monitoring for a year, and a three-month supervision pack.
	to := lastDate(db)
	toT, _ := time.Parse(schema.DateLayout, to)
	yearFrom := toT.AddDate(-1, 0, 1).Format(schema.DateLayout)
	rows = append(rows, both("monitoring report, one year", n, "≤ 50 ms", func(d *sql.DB, i int) {
		if _, err := report.Monitoring(ctx, d, yearFrom, to); err != nil {
			panic(err)
		}
	}, db, plain))
	qFrom := toT.AddDate(0, -3, 1).Format(schema.DateLayout)
	rows = append(rows, both("supervision pack PDF, three months", max(3, n/3), "≤ 300 ms", func(d *sql.DB, i int) {
		if _, err := pdf.SupervisionPack(ctx, d, pdf.SupervisionOptions{From: qFrom, To: to, GeneratedOn: to}); err != nil {
			panic(err)
		}
	}, db, plain))
	v.Close()

	// Peak memory, in a fresh process that unlocks and uses the vault.
	peak, err := peakMemory(path)
	if err != nil {
		rows = append(rows, row{op: "peak memory with the vault open", target: memTarget, note: "not measured: " + err.Error()})
	} else {
		rows = append(rows, row{op: "peak memory with the vault open", target: memTarget, note: fmt.Sprintf("%.0f MB (VmHWM)", float64(peak)/1e6)})
	}

	// Start of the desktop app to the unlock screen.
	if *binary != "" {
		ds, err := startup(*binary, path)
		if err != nil {
			rows = append(rows, row{op: "start of the desktop app to the unlock screen", target: "≤ 1 s", note: "not measured: " + err.Error()})
		} else {
			rows = append(rows, row{op: "start of the desktop app to the unlock screen", median: median(ds), worst: worst(ds), target: "≤ 1 s"})
		}
	}
	printTable(w, rows)
	return rows, nil
}

// corpus makes the vault of a scale at path, or copies the one an earlier
// run kept in -cache. It returns how long generating and importing took (0
// for a copy).
func corpus(scale, path string) (gen, imp time.Duration, err error) {
	kept := ""
	if *cache != "" {
		kept = filepath.Join(*cache, scale+".vault")
		if _, err := os.Stat(kept); err == nil {
			return 0, 0, copyFile(kept, path)
		}
	}
	t0 := time.Now()
	doc, err := demo.Generate(scale, 1)
	if err != nil {
		return 0, 0, err
	}
	gen = time.Since(t0)
	v, _, err := vault.Create(path, []byte(passphrase), vault.Options{Migrations: schema.Migrations})
	if err != nil {
		return 0, 0, err
	}
	t0 = time.Now()
	if _, err := exchange.Import(context.Background(), v.DB(), doc); err != nil {
		v.Close()
		return 0, 0, err
	}
	imp = time.Since(t0)
	doc = nil
	if err := v.Save(); err != nil {
		v.Close()
		return 0, 0, err
	}
	if err := v.Close(); err != nil {
		return 0, 0, err
	}
	if kept != "" {
		if err := os.MkdirAll(*cache, 0o700); err != nil {
			return 0, 0, err
		}
		if err := copyFile(path, kept); err != nil {
			return 0, 0, err
		}
	}
	return gen, imp, nil
}

// longestRead runs the reads of the wait measurements for d with nothing
// else running and returns the longest: what the machine's own load makes
// a read wait, to compare the waits during saves and compactions with.
func longestRead(db *sql.DB, d time.Duration) time.Duration {
	var longest time.Duration
	for end := time.Now().Add(d); time.Now().Before(end); {
		longest = max(longest, timeIt(func() {
			var x int
			db.QueryRow(`SELECT count(*) FROM people`).Scan(&x)
		}))
	}
	return longest
}

// rawOpen reads the file at path and opens its bytes (less a tag) as one
// XChaCha20-Poly1305 message, as fast as the machine can.
func rawOpen(path string) (time.Duration, error) {
	key := make([]byte, chacha20poly1305.KeySize)
	aead, _ := chacha20poly1305.NewX(key)
	nonce := make([]byte, aead.NonceSize())
	st, err := os.Stat(path)
	if err != nil {
		return 0, err
	}
	sealed := aead.Seal(nil, nonce, make([]byte, st.Size()-16), nil)
	start := time.Now()
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	copy(data, sealed) // the same number of bytes, now a message that opens
	if _, err := aead.Open(data[:0], nonce, data, nil); err != nil {
		return 0, err
	}
	return time.Since(start), nil
}

// copyFile copies a file (a sealed vault) with mode 0600.
func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func fileSize(path string) int64 {
	st, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return st.Size()
}

// journalBytes is the size of v's change journal.
func journalBytes(v *vault.Vault) int64 { return v.Journal().Bytes }

func medianInt(x []int64) int64 {
	s := append([]int64(nil), x...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}

func maxInt(x []int64) int64 {
	var m int64
	for _, v := range x {
		m = max(m, v)
	}
	return m
}

// both measures op on the vault's database and on the plain file.
func both(name string, n int, target string, op func(d *sql.DB, i int), db, plain *sql.DB) row {
	var a, b []time.Duration
	op(db, 0) // warm
	op(plain, 0)
	for i := 0; i < n; i++ {
		a = append(a, timeIt(func() { op(db, i) }))
		b = append(b, timeIt(func() { op(plain, i) }))
	}
	return row{op: name, median: median(a), worst: worst(a), baseline: median(b), target: target}
}

func printTable(w io.Writer, rows []row) {
	fmt.Fprintln(w, "| operation | median | worst | baseline | ratio | target |")
	fmt.Fprintln(w, "| --- | ---: | ---: | ---: | ---: | --- |")
	for _, r := range rows {
		if r.note != "" && r.median == 0 {
			fmt.Fprintf(w, "| %s | %s | | | | %s |\n", r.op, r.note, r.target)
			continue
		}
		base, ratio := "", ""
		if r.baseline > 0 {
			base = ms(r.baseline)
			ratio = fmt.Sprintf("%.2f×", float64(r.median)/float64(r.baseline))
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n", r.op, ms(r.median), ms(r.worst), base, ratio, r.target)
	}
	for _, r := range rows {
		if r.note != "" && r.median != 0 {
			fmt.Fprintf(w, "\n%s — %s.", r.op, r.note)
		}
	}
	fmt.Fprintln(w)
}

func growth(w io.Writer, a, b string, res map[string][]row) {
	fmt.Fprintf(w, "\n## Growth from %s to %s (median %s ÷ median %s)\n\n| operation | %s | %s | growth |\n| --- | ---: | ---: | ---: |\n", a, b, b, a, a, b)
	for _, ra := range res[a] {
		for _, rb := range res[b] {
			if ra.op == rb.op && ra.median > 0 && rb.median > 0 {
				fmt.Fprintf(w, "| %s | %s | %s | %.1f× |\n", ra.op, ms(ra.median), ms(rb.median), float64(rb.median)/float64(ra.median))
			}
			if ra.op == rb.op && ra.median == 0 && ra.note != "" {
				fmt.Fprintf(w, "| %s | %s | %s | |\n", ra.op, ra.note, rb.note)
			}
		}
	}
}

func timeIt(f func()) time.Duration {
	t := time.Now()
	f()
	return time.Since(t)
}

func median(d []time.Duration) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

func worst(d []time.Duration) time.Duration {
	var m time.Duration
	for _, x := range d {
		m = max(m, x)
	}
	return m
}

func ms(d time.Duration) string {
	if d < 10*time.Millisecond {
		return fmt.Sprintf("%.2f ms", float64(d)/1e6)
	}
	return fmt.Sprintf("%.0f ms", float64(d)/1e6)
}

func round(d time.Duration) time.Duration { return d.Round(10 * time.Millisecond) }

func openPlain(path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=WAL&_synchronous=FULL&_foreign_keys=1")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`PRAGMA journal_mode=WAL`); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func dbSize(db *sql.DB) int64 {
	var pages, size int64
	db.QueryRow(`PRAGMA page_count`).Scan(&pages)
	db.QueryRow(`PRAGMA page_size`).Scan(&size)
	return pages * size
}

func corpusCounts(db *sql.DB) string {
	var parts []string
	for _, t := range []struct{ table, name string }{
		{"people", "women"}, {"contacts", "contacts"}, {"diary", "diary entries"},
		{"newsletters", "newsletters"}, {"letters", "letters"}, {"actions", "actions"},
	} {
		var c int
		db.QueryRow(`SELECT count(*) FROM ` + t.table).Scan(&c)
		parts = append(parts, fmt.Sprintf("%d %s", c, t.name))
	}
	return strings.Join(parts, ", ")
}

func busyContactRow(db *sql.DB) (string, string) {
	var c, p string
	db.QueryRow(`SELECT contact_id, person_id FROM contact_people ORDER BY contact_id DESC LIMIT 1`).Scan(&c, &p)
	return c, p
}

func busiestPerson(db *sql.DB) string {
	var p string
	db.QueryRow(`SELECT person_id FROM contact_people GROUP BY person_id ORDER BY count(*) DESC LIMIT 1`).Scan(&p)
	return p
}

func lastDate(db *sql.DB) string {
	var d string
	db.QueryRow(`SELECT max(date) FROM contacts WHERE date <= ?`, time.Now().Format(schema.DateLayout)).Scan(&d)
	return d
}

// rawSeal is the floor under a save: seal size bytes with
// XChaCha20-Poly1305, write them to a temp file, fsync, rename, fsync the
// folder.
func rawSeal(dir string, size int) (time.Duration, error) {
	plain := make([]byte, size)
	key := make([]byte, chacha20poly1305.KeySize)
	rand.Read(key)
	aead, _ := chacha20poly1305.NewX(key)
	nonce := make([]byte, aead.NonceSize())
	start := time.Now()
	rand.Read(nonce)
	sealed := aead.Seal(nil, nonce, plain, nil)
	tmp := filepath.Join(dir, "raw.tmp")
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return 0, err
	}
	if _, err := f.Write(sealed); err != nil {
		return 0, err
	}
	if err := f.Sync(); err != nil {
		return 0, err
	}
	f.Close()
	if err := os.Rename(tmp, filepath.Join(dir, "raw.vault")); err != nil {
		return 0, err
	}
	d, err := os.Open(dir)
	if err != nil {
		return 0, err
	}
	d.Sync()
	d.Close()
	return time.Since(start), nil
}

// peakMemory runs this program again in -mem mode and reads its answer.
func peakMemory(path string) (int64, error) {
	exe, err := os.Executable()
	if err != nil {
		return 0, err
	}
	out, err := exec.Command(exe, "-mem", path).Output()
	if err != nil {
		return 0, fmt.Errorf("%v", err)
	}
	return strconv.ParseInt(strings.TrimSpace(string(out)), 10, 64)
}

// memChild unlocks the vault, does what a session does (list, timeline,
// search, report, a save) and prints the peak resident set size in bytes.
func memChild(path string) {
	ctx := context.Background()
	v, err := vault.Open(path, []byte(passphrase), vault.Options{Migrations: schema.Migrations})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	st := notes.New(v.DB())
	st.ListPeople(notes.PeopleFilter{IncludeClosed: true})
	st.Timeline(busiestPerson(v.DB()))
	report.Search(ctx, v.DB(), "housing", 20, 0)
	to := lastDate(v.DB())
	report.Monitoring(ctx, v.DB(), to[:4]+"-01-01", to)
	cid, pid := busyContactRow(v.DB())
	v.DB().Exec(`UPDATE contact_people SET note = note || '.' WHERE contact_id = ? AND person_id = ?`, cid, pid)
	if err := v.Save(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	v.Close()
	f, err := os.Open("/proc/self/status")
	if err != nil {
		fmt.Fprintln(os.Stderr, "peak memory is read from /proc on Linux only")
		os.Exit(1)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "VmHWM:") {
			fields := strings.Fields(sc.Text())
			kb, _ := strconv.ParseInt(fields[1], 10, 64)
			fmt.Println(kb * 1024)
			return
		}
	}
	os.Exit(1)
}

// displayNo numbers the Xvfb displays, one per measurement.
var displayNo int

// startup times the desktop app from exec to its window being mapped, under
// an Xvfb started here (needs Xvfb and xdotool).
func startup(bin, vaultPath string) ([]time.Duration, error) {
	for _, tool := range []string{"Xvfb", "xdotool"} {
		if _, err := exec.LookPath(tool); err != nil {
			return nil, fmt.Errorf("%s is not installed", tool)
		}
	}
	displayNo++
	disp := fmt.Sprintf(":%d", 96-displayNo)
	x := exec.Command("Xvfb", disp, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
	if err := x.Start(); err != nil {
		return nil, err
	}
	defer func() {
		x.Process.Kill()
		x.Wait()
	}()
	time.Sleep(700 * time.Millisecond)
	var out []time.Duration
	for i := 0; i < 5; i++ {
		cmd := exec.Command(bin)
		cmd.Env = append(os.Environ(), "DISPLAY="+disp, "INREACH_VAULT="+vaultPath, "LANG=en_GB.UTF-8")
		start := time.Now()
		if err := cmd.Start(); err != nil {
			return nil, err
		}
		wait := exec.Command("xdotool", "search", "--sync", "--onlyvisible", "--name", "^Inreach$")
		wait.Env = append(os.Environ(), "DISPLAY="+disp)
		done := make(chan error, 1)
		go func() { done <- wait.Run() }()
		select {
		case err := <-done:
			if err != nil {
				cmd.Process.Kill()
				cmd.Wait()
				return nil, fmt.Errorf("the window did not appear: %v", err)
			}
		case <-time.After(15 * time.Second):
			wait.Process.Kill()
			cmd.Process.Kill()
			cmd.Wait()
			return nil, fmt.Errorf("the window did not appear within 15 s")
		}
		out = append(out, time.Since(start))
		cmd.Process.Kill()
		cmd.Wait()
	}
	return out, nil
}
