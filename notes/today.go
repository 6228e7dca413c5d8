package notes

import (
	"database/sql"
	"fmt"

	"inreach/schema"
)

// ReleaseWindowDays and DueSoonDays set what the Today screen looks ahead to.
const (
	ReleaseWindowDays = 14
	DueSoonDays       = 7
)

// TodayView is everything the Today screen shows.
type TodayView struct {
	Today string
	// Releases due from today to ReleaseWindowDays ahead, soonest first.
	Releases []ReleaseDue
	// Overdue are open actions due before today, oldest first.
	Overdue []Action
	// DueSoon are open actions due from today to DueSoonDays ahead.
	DueSoon []Action
	// NextVisit is the next prison visit (nil if none is planned), with the
	// women booked for it.
	NextVisit       *Contact
	NextVisitBooked []PersonSummary
	// AwaitingReply are incoming letters with a reply due and no outgoing
	// letter to her dated on or after them, by reply date.
	AwaitingReply []LetterAwaiting
	// SupervisionActions are actions agreed in supervision not yet done,
	// by due date (undated last).
	SupervisionActions []SupervisionAction
}

// ReleaseDue is one woman's coming release.
type ReleaseDue struct {
	PersonID          string
	Name              string
	EstablishmentName string
	Date              string
	Confirmed         bool
	MissingPlanItems  int // release-plan items not yet done
}

// LetterAwaiting is a letter from a woman that needs a reply.
type LetterAwaiting struct {
	LetterID string
	PersonID string
	Name     string
	Date     string // when her letter came
	Channel  string // schema.LetterChannel
	ReplyDue string
}

// SupervisionAction is an open action from a supervision session.
type SupervisionAction struct {
	SupervisionID string
	Position      int // with SupervisionID, identifies the action
	SessionDate   string
	Text          string
	Owner         string
	Due           string // or ""
}

// Today gathers the Today screen for the date today ("YYYY-MM-DD").
// Releases are of women not closed whose status is referred or in custody.
func (s *Store) Today(today string) (TodayView, error) {
	v := TodayView{Today: today}
	if _, err := schema.ParseDate(today); err != nil {
		return v, fmt.Errorf("today: %w", err)
	}
	planItems := len(schema.ReleasePlanItem.Values)
	err := s.each(`SELECT p.id, p.name, COALESCE(e.name, ''), p.release_date, p.release_date_confirmed,
			(SELECT count(*) FROM release_plan r WHERE r.person_id = p.id AND r.done = 1 AND r.item IN `+planItemList()+`)
		FROM people p LEFT JOIN establishments e ON e.id = p.establishment_id
		WHERE p.release_date BETWEEN ? AND ?
			AND p.status IN ('referred', 'custody_remand', 'custody_sentenced')
		ORDER BY p.release_date, p.name, p.id`, []any{today, addDays(today, ReleaseWindowDays)},
		func(r *sql.Rows) error {
			var d ReleaseDue
			var confirmed, done int
			if err := r.Scan(&d.PersonID, &d.Name, &d.EstablishmentName, &d.Date, &confirmed, &done); err != nil {
				return err
			}
			d.Confirmed = confirmed != 0
			d.MissingPlanItems = planItems - done
			v.Releases = append(v.Releases, d)
			return nil
		})
	if err != nil {
		return v, fmt.Errorf("finding releases: %w", err)
	}

	v.Overdue, err = s.actions(actionSelect+` WHERE a.done_on IS NULL AND a.due < ? ORDER BY a.due, a.id`, today)
	if err != nil {
		return v, err
	}
	v.DueSoon, err = s.actions(actionSelect+` WHERE a.done_on IS NULL AND a.due BETWEEN ? AND ? ORDER BY a.due, a.id`,
		today, addDays(today, DueSoonDays))
	if err != nil {
		return v, err
	}

	v.NextVisit, v.NextVisitBooked, err = s.NextPrisonVisit(today)
	if err != nil {
		return v, err
	}

	err = s.each(`SELECT l.id, l.person_id, p.name, l.date, l.channel, l.reply_due
		FROM letters l JOIN people p ON p.id = l.person_id
		WHERE l.direction = 'in' AND l.reply_due IS NOT NULL
			AND NOT EXISTS (SELECT 1 FROM letters o WHERE o.person_id = l.person_id
				AND o.direction = 'out' AND o.date >= l.date)
		ORDER BY l.reply_due, l.date, l.id`, nil, func(r *sql.Rows) error {
		var l LetterAwaiting
		if err := r.Scan(&l.LetterID, &l.PersonID, &l.Name, &l.Date, &l.Channel, &l.ReplyDue); err != nil {
			return err
		}
		v.AwaitingReply = append(v.AwaitingReply, l)
		return nil
	})
	if err != nil {
		return v, fmt.Errorf("finding letters awaiting a reply: %w", err)
	}

	err = s.each(`SELECT a.supervision_id, a.position, s.date, a.text, a.owner, COALESCE(a.due, '')
		FROM supervision_actions a JOIN supervision s ON s.id = a.supervision_id
		WHERE a.done_on IS NULL
		ORDER BY a.due IS NULL, a.due, s.date, a.supervision_id, a.position`, nil, func(r *sql.Rows) error {
		var a SupervisionAction
		if err := r.Scan(&a.SupervisionID, &a.Position, &a.SessionDate, &a.Text, &a.Owner, &a.Due); err != nil {
			return err
		}
		v.SupervisionActions = append(v.SupervisionActions, a)
		return nil
	})
	if err != nil {
		return v, fmt.Errorf("finding open supervision actions: %w", err)
	}
	return v, nil
}

// planItemList is the SQL list of release-plan item words, e.g.
// ('housing','id'); the words are the package's own constants.
func planItemList() string {
	out := "("
	for i, v := range schema.ReleasePlanItem.Values {
		if i > 0 {
			out += ","
		}
		out += "'" + v + "'"
	}
	return out + ")"
}
