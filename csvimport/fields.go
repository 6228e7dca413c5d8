// Package csvimport brings women and contacts in from a spreadsheet saved
// as CSV. It reads the file with encoding/csv, guesses which column holds
// which field from the headers (a map can change that), reads the values
// the way a UK spreadsheet holds them (dates as 06/12/2026, 2026-12-06 or
// 6 Dec 2026; "Yes"/"No"; the words or the labels of the enumerations), and
// gives a Preview — the first rows, the column matches, and every problem
// by row and column — before anything is written. Import then writes all
// the rows in one transaction, or nothing.
//
// Every row is checked with the same rules as the forms (notes.CheckPerson,
// notes.CheckContact) and then imported through the interchange format
// (exchange.Import), which checks it again and keeps the search index
// right.
//
// One row of a women file is one woman (a new record with a new id). One
// row of a contacts file is one contact with one woman; the woman is found
// in the vault by her id, prison number, full name or pseudonym, and must
// match exactly one record.
//
// .xlsx files are not read: save the sheet as "CSV UTF-8" first.
package csvimport

import (
	"strings"
	"unicode"
)

// A Field is one thing a column can hold.
type Field struct {
	Key      string   // e.g. "date_of_birth"
	Label    string   // words for a person
	Required bool     // a row without it is a problem
	Aliases  []string // other headers that mean it (normalised, see norm)
}

// Kinds are the kinds of file import-csv reads.
var Kinds = []string{"women", "contacts"}

// WomenFields are the fields of a women file.
var WomenFields = []Field{
	{"name", "Full name", false, []string{"full name", "woman", "client", "client name", "service user", "person", "name of woman"}},
	{"first_name", "First name", false, []string{"first name", "forename", "forenames", "given name", "firstname"}},
	{"last_name", "Surname", false, []string{"last name", "surname", "family name", "lastname"}},
	{"pseudonym", "Pseudonym", false, []string{"alias", "known as", "pen name"}},
	{"date_of_birth", "Date of birth", false, []string{"dob", "d o b", "birth date", "date of birth", "born"}},
	{"prison_number", "Prison number", false, []string{"prison no", "prison number", "prisoner number", "nomis", "noms", "noms number", "nomis number"}},
	{"status", "Status", false, nil},
	{"establishment", "Establishment", false, []string{"prison", "establishment", "hmp", "where held"}},
	{"sentence", "Sentence", false, []string{"sentence length"}},
	{"release_date", "Release date", false, []string{"release", "date of release", "earliest release date", "erd", "crd"}},
	{"referral", "Referral", false, []string{"referral type"}},
	{"referral_date", "Referral date", false, []string{"date referred", "referred", "referred on", "date of referral"}},
	{"ethnicity", "Ethnicity", false, []string{"ethnic group", "ethnic origin"}},
	{"offence_group", "Offence group", false, []string{"offence", "offence type", "index offence", "offence category"}},
	{"previous_custodial_sentences", "Previous custodial sentences", false, []string{"previous custodial sentences", "previous sentences", "previous custody", "prev custodial sentences"}},
	{"safety_note", "Safety note", false, []string{"risk", "risks", "safety"}},
}

// ContactFields are the fields of a contacts file.
var ContactFields = []Field{
	{"date", "Date", true, []string{"date of contact", "contact date", "visit date", "date seen"}},
	{"kind", "Kind of contact", true, []string{"type", "contact type", "kind", "type of contact"}},
	{"woman", "Woman (id, prison number, name or pseudonym)", true, []string{"name", "woman", "client", "client name", "service user", "person", "full name", "prison number", "prison no"}},
	{"start", "Start time", false, []string{"start", "time", "from"}},
	{"end", "End time", false, []string{"end", "finish", "to"}},
	{"establishment", "Establishment", false, []string{"prison", "court", "where"}},
	{"place", "Place", false, []string{"location", "venue"}},
	{"seen", "Seen", false, []string{"attended", "seen?", "did she attend"}},
	{"not_seen_reason", "Why not seen", false, []string{"reason not seen", "not seen reason", "reason"}},
	{"note", "Note", false, []string{"notes", "comments", "summary", "details"}},
	{"wellbeing", "Wellbeing (1–10)", false, []string{"wellbeing score", "wellbeing"}},
}

// FieldsOf returns the fields of a kind, or nil for an unknown kind.
func FieldsOf(kind string) []Field {
	switch kind {
	case "women":
		return WomenFields
	case "contacts":
		return ContactFields
	}
	return nil
}

// norm lowercases a header and keeps letters and digits, every other run
// of characters becoming one space: "Date of Birth (DD/MM/YYYY)" →
// "date of birth dd mm yyyy".
func norm(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	return b.String()
}

// guess is the field a header most likely names, or "".  An exact match of
// the key, label or an alias wins; otherwise a header that starts with one
// of them ("date of birth dd mm yyyy").
func guess(fields []Field, header string) string {
	h := norm(header)
	if h == "" {
		return ""
	}
	names := func(f Field) []string {
		out := []string{norm(strings.ReplaceAll(f.Key, "_", " ")), norm(f.Label)}
		for _, a := range f.Aliases {
			out = append(out, norm(a))
		}
		return out
	}
	for _, f := range fields {
		for _, n := range names(f) {
			if h == n {
				return f.Key
			}
		}
	}
	best, bestLen := "", 0
	for _, f := range fields {
		for _, n := range names(f) {
			if len(n) > bestLen && strings.HasPrefix(h, n+" ") {
				best, bestLen = f.Key, len(n)
			}
		}
	}
	return best
}
