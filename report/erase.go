package report

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// An ErasureReport says what ErasePerson removed or changed. It names no
// one: only the erased woman's id and counts.
type ErasureReport struct {
	PersonID          string
	Needs             int // areas of need removed
	SensitiveFlags    int // sensitive flags removed
	ReleasePlanItems  int // release-plan items removed
	ContactRows       int // her rows in contacts (her part of each visit) removed
	ContactsRemoved   int // contacts removed because no other woman was at them
	Actions           int
	Events            int
	Letters           int
	Readings          int // her outcome readings removed
	DistributionLists int // newsletter issues she was on the distribution list of
	Drafts            int // autosaved form drafts that referred to her, removed
	// Records kept whose text named her, with every occurrence of her name
	// replaced by ErasedMark:
	DiaryEntriesEdited int
	SupervisionEdited  int
	NewslettersEdited  int
	OtherRecordsEdited int // other women's notes, contacts, agencies …
	NamesReplaced      int // occurrences of her name replaced in all
	// Of the mentions under review (ErasurePlan.Review): those chosen and
	// replaced, and those left as they were.
	MentionsErased int
	MentionsLeft   int
}

// Lines words the report for a person to read, one line per kind of record
// touched.
func (r *ErasureReport) Lines() []string {
	out := []string{"Her record was removed."}
	add := func(n int, one, many string) {
		if n == 1 {
			out = append(out, one)
		} else if n > 1 {
			out = append(out, fmt.Sprintf(many, n))
		}
	}
	add(r.Needs, "1 area of need removed.", "%d areas of need removed.")
	add(r.SensitiveFlags, "1 sensitive flag removed.", "%d sensitive flags removed.")
	add(r.ReleasePlanItems, "1 release-plan item removed.", "%d release-plan items removed.")
	add(r.ContactRows, "Her part of 1 contact removed.", "Her part of %d contacts removed.")
	add(r.ContactsRemoved, "1 contact that only she was at removed.", "%d contacts that only she was at removed.")
	add(r.Actions, "1 action removed.", "%d actions removed.")
	add(r.Events, "1 event removed.", "%d events removed.")
	add(r.Letters, "1 letter removed.", "%d letters removed.")
	add(r.Readings, "1 outcome reading removed.", "%d outcome readings removed.")
	add(r.DistributionLists, "Taken off the distribution list of 1 newsletter.", "Taken off the distribution lists of %d newsletters.")
	add(r.Drafts, "1 unsaved draft that referred to her removed.", "%d unsaved drafts that referred to her removed.")
	add(r.DiaryEntriesEdited, "Her name was replaced by "+ErasedMark+" in 1 diary entry.", "Her name was replaced by "+ErasedMark+" in %d diary entries.")
	add(r.SupervisionEdited, "Her name was replaced in 1 supervision record.", "Her name was replaced in %d supervision records.")
	add(r.NewslettersEdited, "Her name was replaced in 1 newsletter.", "Her name was replaced in %d newsletters.")
	add(r.OtherRecordsEdited, "Her name was replaced in 1 other record.", "Her name was replaced in %d other records.")
	add(r.MentionsErased, "1 possible mention under review was erased, as chosen.", "%d possible mentions under review were erased, as chosen.")
	add(r.MentionsLeft, "1 possible mention under review was left as it was.", "%d possible mentions under review were left as they were.")
	return out
}

// PlanLines words, in the future tense, what erasing her would remove (for
// ErasurePlan.Removes, before anything is changed).
func (r *ErasureReport) PlanLines() []string {
	out := []string{"Her record would be removed, and with it:"}
	add := func(n int, one, many string) {
		if n == 1 {
			out = append(out, one)
		} else if n > 1 {
			out = append(out, fmt.Sprintf(many, n))
		}
	}
	add(r.Needs, "1 area of need", "%d areas of need")
	add(r.SensitiveFlags, "1 sensitive flag", "%d sensitive flags")
	add(r.ReleasePlanItems, "1 release-plan item", "%d release-plan items")
	add(r.ContactRows, "her part of 1 contact", "her part of %d contacts")
	add(r.ContactsRemoved, "1 contact that only she was at", "%d contacts that only she was at")
	add(r.Actions, "1 action", "%d actions")
	add(r.Events, "1 event", "%d events")
	add(r.Letters, "1 letter", "%d letters")
	add(r.DistributionLists, "her place on 1 newsletter's distribution list", "her place on %d newsletters' distribution lists")
	add(r.Drafts, "1 unsaved draft that refers to her", "%d unsaved drafts that refer to her")
	return out
}

// ErasePerson removes the woman with the given id and every record about
// her, and replaces the certain mentions of her name in the records that
// stay; every mention under review (see PlanErasure) is left as it is. It
// is ErasePersonReviewed with no mention chosen.
func ErasePerson(ctx context.Context, db *sql.DB, personID string) (*ErasureReport, error) {
	return ErasePersonReviewed(ctx, db, personID, "", nil)
}

// ErasePersonReviewed removes the woman with the given id and every record
// about her, in one transaction:
//
//   - her record, needs, sensitive flags, release plan, actions, events,
//     letters, outcome readings, and her place on newsletter distribution lists;
//   - her row (note, needs discussed, items) in every contact; a contact
//     that no other woman was at is removed, a shared one stays;
//   - autosaved drafts that refer to her id;
//   - in every record that stays (shared contacts, other women's rows,
//     diary entries, supervision, letters, newsletters, any other text),
//     the certain mentions of her name (ErasurePlan.Certain) are replaced
//     by ErasedMark, and of the mentions under review only those whose
//     numbers are in erase. Other women's names ("Ann Jones" when Ann
//     Smith is erased) and the name fields of other women, agencies and
//     establishments are never touched.
//
// code is the ErasurePlan.Code the numbers were chosen from; when it is
// given and the plan is no longer the same (the records changed since the
// review), nothing is changed and the error is ErrReviewChanged. Numbers
// may only be given with a code.
//
// Then the search index is merged so that no deleted entry keeps her
// words, and the database is vacuumed (with secure_delete on), so that the
// image saved into the vault holds no trace of her in free pages either.
// The vault must be saved afterwards for the erasure to reach the file.
func ErasePersonReviewed(ctx context.Context, db *sql.DB, personID, code string, erase []int) (*ErasureReport, error) {
	if len(erase) > 0 && code == "" {
		return nil, fmt.Errorf("erasing person %s: mentions can only be chosen from a review (its code is missing)", personID)
	}
	// Freed pages are overwritten with zeros from now on, on this
	// connection (the vault's only one).
	if _, err := db.ExecContext(ctx, "PRAGMA secure_delete = ON"); err != nil {
		return nil, fmt.Errorf("erasing person %s: turning on secure delete: %w", personID, err)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("erasing person %s: %w", personID, err)
	}
	rep, err := eraseReviewed(ctx, tx, personID, code, erase)
	if err != nil {
		tx.Rollback()
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("erasing person %s: saving the change: %w", personID, err)
	}
	if _, err := db.ExecContext(ctx, "VACUUM"); err != nil {
		return rep, fmt.Errorf("person %s was erased, but compacting the database afterwards failed (save and reopen the vault, then try again): %w", personID, err)
	}
	return rep, nil
}

func eraseReviewed(ctx context.Context, tx *sql.Tx, id, code string, erase []int) (*ErasureReport, error) {
	r, plan, err := removeAndPlan(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if code != "" && code != plan.Code {
		return nil, fmt.Errorf("erasing person %s: %w", id, ErrReviewChanged)
	}
	chosen := append([]Mention(nil), plan.Certain...)
	seen := map[int]bool{}
	for _, n := range erase {
		if n < 1 || n > len(plan.Review) {
			return nil, fmt.Errorf("erasing person %s: there is no mention %d under review (there are %d)", id, n, len(plan.Review))
		}
		if !seen[n] {
			seen[n] = true
			chosen = append(chosen, plan.Review[n-1])
		}
	}
	if err := applyMentions(ctx, tx, chosen, r); err != nil {
		return nil, fmt.Errorf("erasing person %s: replacing her name: %w", id, err)
	}
	r.MentionsErased = len(seen)
	r.MentionsLeft = len(plan.Review) - len(seen)
	if _, err := tx.ExecContext(ctx, `INSERT INTO search_index(search_index) VALUES('optimize')`); err != nil {
		return nil, fmt.Errorf("erasing person %s: cleaning the search index: %w", id, err)
	}
	return r, nil
}

// removeAndPlan removes her own records inside tx and works out the
// mentions of her name in the records that stay.
func removeAndPlan(ctx context.Context, tx *sql.Tx, id string) (*ErasureReport, *ErasurePlan, error) {
	fail := func(what string, err error) error {
		return fmt.Errorf("erasing person %s: %s: %w", id, what, err)
	}
	var name, pseudonym string
	err := tx.QueryRowContext(ctx, `SELECT name, pseudonym FROM people WHERE id = ?`, id).Scan(&name, &pseudonym)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, fmt.Errorf("person %s: %w", id, ErrPersonNotFound)
	}
	if err != nil {
		return nil, nil, fail("reading her record", err)
	}
	links, err := readLinks(ctx, tx, id)
	if err != nil {
		return nil, nil, fail("reading which records are linked to her", err)
	}
	r := &ErasureReport{PersonID: id}
	for _, c := range []struct {
		n *int
		q string
	}{
		{&r.Needs, `SELECT count(*) FROM person_needs WHERE person_id = ?1`},
		{&r.SensitiveFlags, `SELECT count(*) FROM person_sensitive WHERE person_id = ?1`},
		{&r.ReleasePlanItems, `SELECT count(*) FROM release_plan WHERE person_id = ?1`},
		{&r.ContactRows, `SELECT count(*) FROM contact_people WHERE person_id = ?1`},
		{&r.ContactsRemoved, `SELECT count(*) FROM contact_people cp WHERE cp.person_id = ?1
			AND NOT EXISTS (SELECT 1 FROM contact_people o WHERE o.contact_id = cp.contact_id AND o.person_id <> ?1)`},
		{&r.Actions, `SELECT count(*) FROM actions WHERE person_id = ?1`},
		{&r.Events, `SELECT count(*) FROM events WHERE person_id = ?1`},
		{&r.Letters, `SELECT count(*) FROM letters WHERE person_id = ?1`},
		{&r.Readings, `SELECT count(*) FROM readings WHERE person_id = ?1`},
		{&r.DistributionLists, `SELECT count(*) FROM newsletter_sent_to WHERE person_id = ?1`},
		{&r.Drafts, `SELECT count(*) FROM drafts WHERE ` + draftAboutHer},
	} {
		if err := tx.QueryRowContext(ctx, c.q, id).Scan(c.n); err != nil {
			return nil, nil, fail("counting her records", err)
		}
	}
	for _, q := range []string{
		// contacts only she was at go first (their other rows cascade)
		`DELETE FROM contacts WHERE id IN (SELECT cp.contact_id FROM contact_people cp WHERE cp.person_id = ?1
			AND NOT EXISTS (SELECT 1 FROM contact_people o WHERE o.contact_id = cp.contact_id AND o.person_id <> ?1))`,
		`DELETE FROM drafts WHERE ` + draftAboutHer,
		// the rest cascades from her record (see schema v1)
		`DELETE FROM people WHERE id = ?1`,
	} {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return nil, nil, fail("removing her records", err)
		}
	}
	plan := &ErasurePlan{PersonID: id}
	h, err := newHerNames(ctx, tx, id, name, pseudonym, links)
	if err != nil {
		return nil, nil, fail("reading other names", err)
	}
	if len(h.full)+len(h.single) > 0 {
		plan.Certain, plan.Review, err = findMentions(ctx, tx, h, links)
		if err != nil {
			return nil, nil, fail("finding her name in the records that stay", err)
		}
	}
	plan.Code = planCode(id, plan.Certain, plan.Review)
	return r, plan, nil
}

// draftAboutHer selects the autosaved drafts that refer to her id: as a
// JSON string in the body, or as the key or its last part ("visit:p-1a2b").
const draftAboutHer = `(instr(body, '"' || ?1 || '"') > 0 OR key = ?1 OR key LIKE '%:' || ?1)`

// textColumn is one column of free text that may hold a name.
type textColumn struct {
	table, column string
	owner         string // the column naming the record the row belongs to, for counting
}

// textColumns lists every text column of every table except ids, foreign
// keys, key columns and the search index's own tables (which the triggers
// keep in step). A diary tag is text although it is part of its key.
func textColumns(ctx context.Context, tx *sql.Tx) ([]textColumn, error) {
	var tables []string
	rows, err := tx.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'table'
		AND name NOT LIKE 'sqlite\_%' ESCAPE '\' AND name NOT LIKE 'search\_%' ESCAPE '\' ORDER BY name`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return nil, err
		}
		tables = append(tables, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	owners := map[string]string{
		"diary_sections": "diary_id", "diary_tags": "diary_id", "supervision_entries": "supervision_id",
		"supervision_actions": "supervision_id", "newsletter_sections": "newsletter_id",
	}
	var out []textColumn
	for _, t := range tables {
		fks := map[string]bool{}
		frows, err := tx.QueryContext(ctx, `SELECT "from" FROM pragma_foreign_key_list(?)`, t)
		if err != nil {
			return nil, err
		}
		for frows.Next() {
			var c string
			if err := frows.Scan(&c); err != nil {
				frows.Close()
				return nil, err
			}
			fks[c] = true
		}
		frows.Close()
		crows, err := tx.QueryContext(ctx, `SELECT name, upper(type), pk FROM pragma_table_info(?)`, t)
		if err != nil {
			return nil, err
		}
		var cols []textColumn
		for crows.Next() {
			var c, typ string
			var pk int
			if err := crows.Scan(&c, &typ, &pk); err != nil {
				crows.Close()
				return nil, err
			}
			free := t == "diary_tags" && c == "tag"
			if !free && (pk > 0 || fks[c] || c == "id" || strings.HasSuffix(c, "_id") || !(typ == "" || strings.Contains(typ, "TEXT") || strings.Contains(typ, "CHAR"))) {
				continue
			}
			owner := owners[t]
			if owner == "" {
				owner = "rowid"
				if t == "supervision" || t == "newsletters" || t == "diary" {
					owner = "id"
				}
			}
			cols = append(cols, textColumn{t, c, owner})
		}
		crows.Close()
		out = append(out, cols...)
	}
	return out, nil
}

// namesSharingAWord returns a matcher for the other women's full names and
// pseudonyms that contain one of her names (m) as a word, other than her
// own: "Ann Jones" when Ann Smith is erased. Those stay whole.
func namesSharingAWord(ctx context.Context, tx *sql.Tx, name, pseudonym string, m *nameMatcher) (*nameMatcher, error) {
	rows, err := tx.QueryContext(ctx, `SELECT name, pseudonym FROM people`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	own := map[string]bool{}
	for _, n := range []string{name, pseudonym} {
		own[strings.ToLower(strings.Join(strings.Fields(n), " "))] = true
	}
	var keep []string
	for rows.Next() {
		var n, p string
		if err := rows.Scan(&n, &p); err != nil {
			return nil, err
		}
		for _, x := range []string{n, p} {
			if !own[strings.ToLower(strings.Join(strings.Fields(x), " "))] && m.Matches(x) {
				keep = append(keep, x)
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return newNameMatcher(keep...), nil
}

// ownNames are the columns that hold the names of other women, agencies
// and establishments; a word they share with her name is not hers.
var ownNames = map[string]bool{"people.name": true, "people.pseudonym": true,
	"agencies.name": true, "establishments.name": true}

// quoteIdent quotes an SQL identifier.
func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
