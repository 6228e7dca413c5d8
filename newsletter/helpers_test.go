package newsletter

import (
	"database/sql"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/schema"
)

// testReturnAddress is the service's return address in a test store (the
// "return address" check cannot pass without one).
const testReturnAddress = "Freepost INREACH"

// testStore is a Store on a fresh in-memory vault database whose today is
// 2025-07-15 and whose return address is testReturnAddress.
func testStore(t *testing.T) *Store {
	t.Helper()
	db, err := schema.OpenMemory()
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	s := &Store{DB: db, Today: func() string { return "2025-07-15" }}
	setSetting(t, s, SettingOrgAddress, testReturnAddress)
	return s
}

func exec(t *testing.T, db *sql.DB, q string, args ...any) {
	t.Helper()
	_, err := db.Exec(q, args...)
	require.NoError(t, err)
}

// addEstablishment records a prison.
func addEstablishment(t *testing.T, s *Store, id, name, address string) {
	t.Helper()
	exec(t, s.DB, `INSERT INTO establishments(id, name, kind, address) VALUES(?,?,'prison',?)`, id, name, address)
}

// addWoman records a woman with a status and establishment ("" for none).
func addWoman(t *testing.T, s *Store, id, name, pseudonym, number, status, est string) {
	t.Helper()
	var closed any
	if status == "closed" {
		closed = "2025-01-01"
	}
	var e any
	if est != "" {
		e = est
	}
	exec(t, s.DB, `INSERT INTO people(id, name, pseudonym, prison_number, status, establishment_id, closed_on)
		VALUES(?,?,?,?,?,?,?)`, id, name, pseudonym, number, status, e, closed)
}

func setSetting(t *testing.T, s *Store, key, value string) {
	t.Helper()
	exec(t, s.DB, `INSERT OR REPLACE INTO settings(key, value) VALUES(?,?)`, key, value)
}

// allTicked is every prison-mail check.
func allTicked() []string { return append([]string(nil), schema.NewsletterCheck.Values...) }

// cleanIssue is an issue that passes the check in a vault with the women
// of twoPrisons.
func cleanIssue() Issue {
	return Issue{
		Title: "Spring news",
		Date:  "2025-07-01",
		Sections: []Section{
			{Heading: "Welcome", Body: "Hello everyone. Spring is here and the garden group has planted sweet peas.\n\nWrite to us any time.", Contributor: "Sam Worker", Consent: true},
			{Heading: "A poem", Body: "The sky through bars is still the sky.", Contributor: "Mary Ellen Smith", Consent: true},
			{Heading: "Quiz answers", Body: "1. Paris 2. Seven 3. £5"},
		},
		Checklist: allTicked(),
	}
}

// twoPrisons records two prisons and five women: three in custody (two at
// HMP Bronzefield, one at HMP Askham Grange), one released and one closed.
func twoPrisons(t *testing.T, s *Store) {
	t.Helper()
	addEstablishment(t, s, "e-b", "HMP Bronzefield", "Woodthorpe Road, Ashford, TW15 3JZ")
	addEstablishment(t, s, "e-a", "HMP Askham Grange", "Askham Richard\nYork\nYO23 3FT")
	addWoman(t, s, "p-mary", "Mary Ellen Smith", "Rosie", "A1234BC", "custody_sentenced", "e-b")
	addWoman(t, s, "p-ann", "Ann Jones", "", "B2345CD", "custody_remand", "e-b")
	addWoman(t, s, "p-zoe", "Zoë O'Neill", "Star", "C3456DE", "custody_sentenced", "e-a")
	addWoman(t, s, "p-kate", "Kate Brown", "", "D4567EF", "released_licence", "")
	addWoman(t, s, "p-lou", "Louise Green", "", "E5678FG", "closed", "e-a")
}
