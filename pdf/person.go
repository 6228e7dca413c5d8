package pdf

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"inreach/notes"
	"inreach/report"
	"inreach/schema"
)

// PersonOptions say how the record of one woman is printed.
type PersonOptions struct {
	// Organisation is named in the introduction ("" uses the organisation
	// setting).
	Organisation string
	// GeneratedOn (YYYY-MM-DD) is the date the information is given as of,
	// and the PDF's creation date; "" prints no date.
	GeneratedOn string
}

// PersonPDF prints everything held about one woman, for her to read (a
// subject access request): "Everything we hold about you", prepared for her
// by name, then her record,
// needs, the sensitive information recorded, her release plan, every
// contact she was at (her own part only), actions, events, letters, diary
// entries and supervision notes about her, and newsletters sent to her or
// with her writing. Other people's names are replaced by "[another
// person]" (see report.PersonReport). Sections with nothing in them say
// so, so that she can see nothing was left out.
func PersonPDF(ctx context.Context, db *sql.DB, personID string, opts PersonOptions) ([]byte, error) {
	if opts.GeneratedOn != "" {
		if _, err := schema.ParseDate(opts.GeneratedOn); err != nil {
			return nil, fmt.Errorf("person report: the generated-on date: %w", err)
		}
	}
	p, err := report.PersonReport(ctx, db, personID)
	if err != nil {
		return nil, err
	}
	org := opts.Organisation
	if org == "" {
		org = notes.New(db).GetSetting(notes.SettingOrganisation, "")
	}
	title := "Everything we hold about you · " + p.Name
	return Render(Options{
		Title:     title,
		Subject:   "Subject access: information held about one person",
		Author:    org,
		Footer:    title,
		Header:    title,
		CreatedOn: opts.GeneratedOn,
	}, func(d *Doc) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		drawPerson(d, p, org, opts.GeneratedOn)
		return nil
	})
}

func drawPerson(d *Doc, p *report.PersonData, org, generated string) {
	if org != "" {
		d.Muted(org)
	}
	d.Title("Everything we hold about you")
	prepared := "Prepared for " + p.Name
	if generated != "" {
		prepared += ", as of " + longDate(generated)
	}
	d.Subtitle(prepared)
	d.Paragraph("This document sets out everything we hold about you in our records: your details, " +
		"the notes of each time we met or spoke, the actions agreed, letters, and the reflective notes our staff wrote " +
		"about their work with you. It is written as it was recorded.")
	d.Paragraph("To protect other people's privacy, their names have been replaced with " + report.OtherPersonMark +
		", and where you were seen together with other women only your own part is shown.")
	d.Paragraph("If anything here is wrong, or you would like us to delete your information, please tell us.")
	d.Contents("What this document contains")

	d.Heading(1, "Your details")
	var kv []KV
	for _, f := range p.Details() {
		if f.Value != "" || f.Label == "Name" {
			kv = append(kv, KV{Label: f.Label, Value: dateWords(f.Value)})
		}
	}
	d.KeyValue(kv)

	d.Heading(2, "Your needs")
	if len(p.Needs) == 0 {
		d.Italic("No needs are recorded.")
	} else {
		var rows [][]string
		for _, n := range p.Needs {
			rows = append(rows, []string{n.Area, n.Status, n.Note})
		}
		d.Table([]Column{{Header: "Area", Width: 52}, {Header: "How it stands", Width: 30}, {Header: "Note"}}, rows)
	}

	d.Heading(2, "Sensitive information")
	if len(p.Sensitive) == 0 {
		d.Italic("No sensitive information is recorded.")
	} else {
		d.Paragraph("We record these so that we can support you safely. They are left out of anything we share.")
		d.Bullets(p.Sensitive)
	}

	d.Heading(2, "Your release plan")
	if len(p.ReleasePlan) == 0 {
		d.Italic("No release plan is recorded.")
	} else {
		var rows [][]string
		for _, it := range p.ReleasePlan {
			done := "Not yet"
			if it.Done {
				done = "Done"
			}
			rows = append(rows, []string{it.Item, done, it.Note})
		}
		d.Table([]Column{{Header: "Item", Width: 62}, {Header: "Done", Width: 22}, {Header: "Note"}}, rows)
	}

	d.Heading(1, "Times we met or spoke")
	if len(p.Contacts) == 0 {
		d.Italic("No contacts are recorded.")
	}
	for _, c := range p.Contacts {
		head := c.Kind + ", " + shortDate(c.Date)
		if c.Place != "" {
			head += ", " + c.Place
		}
		seen := "Yes"
		if !c.Seen {
			seen = "No"
			if c.NotSeenReason != "" {
				seen += " (" + strings.ToLower(c.NotSeenReason) + ")"
			}
		}
		rows := []KV{{Label: "When", Value: longDate(c.Date) + timeRange(c.Start, c.End)}}
		if metInPerson[c.Kind] || c.NotSeenReason != "" {
			rows = append(rows, KV{Label: "Seen", Value: seen})
		}
		if c.Note != "" {
			rows = append(rows, KV{Label: "Note", Value: c.Note})
		}
		if len(c.NeedsDiscussed) > 0 {
			rows = append(rows, KV{Label: "Talked about", Value: strings.Join(c.NeedsDiscussed, ", ")})
		}
		if len(c.Items) > 0 {
			rows = append(rows, KV{Label: "Given", Value: strings.Join(c.Items, ", ")})
		}
		if c.Wellbeing != "" {
			rows = append(rows, KV{Label: "Wellbeing score", Value: c.Wellbeing})
		}
		// keep the heading with (the start of) its details
		d.EnsureSpace(min(d.KeyValueHeight(rows), 40) + 12)
		d.Heading(3, head)
		d.KeyValue(rows)
	}

	d.Heading(1, "Actions, events and letters")
	d.Heading(2, "Actions agreed")
	if len(p.Actions) == 0 {
		d.Italic("No actions are recorded.")
	} else {
		var rows [][]string
		for _, a := range p.Actions {
			done := "Not yet"
			if a.DoneOn != "" {
				done = shortDate(a.DoneOn)
			}
			rows = append(rows, []string{a.Text, a.Agency, shortDate(a.Due), done})
		}
		d.Table([]Column{{Header: "Action"}, {Header: "With", Width: 38}, {Header: "Due", Width: 24}, {Header: "Done", Width: 24}}, rows)
	}
	d.Heading(2, "What has happened")
	if len(p.Events) == 0 {
		d.Italic("No events are recorded.")
	} else {
		var rows [][]string
		for _, e := range p.Events {
			note := e.Note
			if e.Detail != "" {
				note = strings.TrimSpace(e.Detail + "\n" + note)
			}
			rows = append(rows, []string{shortDate(e.Date), e.Kind, note})
		}
		d.Table([]Column{{Header: "Date", Width: 26}, {Header: "Event", Width: 36}, {Header: "Note"}}, rows)
	}
	d.Heading(2, "Her own ratings (1 worst, 10 best)")
	if len(p.Readings) == 0 {
		d.Italic("No ratings are recorded.")
	} else {
		var rows [][]string
		for _, r := range p.Readings {
			rows = append(rows, []string{shortDate(r.Date), r.Area, fmt.Sprint(r.Score)})
		}
		d.Table([]Column{{Header: "Date", Width: 26}, {Header: "Area"}, {Header: "Score", Width: 20, Align: "R"}}, rows)
	}
	d.Heading(2, "Letters, emails and calls")
	if len(p.Letters) == 0 {
		d.Italic("No letters are recorded.")
	} else {
		var rows [][]string
		for _, l := range p.Letters {
			summary := l.Summary
			if len(l.Enclosures) > 0 {
				summary = strings.TrimSpace(summary + "\nEnclosed: " + strings.Join(l.Enclosures, ", "))
			}
			if l.ReplyDue != "" {
				summary = strings.TrimSpace(summary + "\nReply due " + shortDate(l.ReplyDue))
			}
			rows = append(rows, []string{shortDate(l.Date), l.Direction, l.Channel, summary})
		}
		d.Table([]Column{{Header: "Date", Width: 26}, {Header: "", Width: 22}, {Header: "How", Width: 18}, {Header: "Summary"}}, rows)
	}

	d.Heading(1, "Staff notes about you")
	d.Paragraph("Our staff keep reflective notes on their work, which they discuss in supervision. " +
		"These are the notes written after a contact you were at, or that mention you.")
	if len(p.Diary) == 0 {
		d.Italic("No notes are recorded.")
	}
	for _, e := range p.Diary {
		d.EnsureSpace(30)
		d.Heading(3, "Note of "+longDate(e.Date))
		d.Muted(e.Reason)
		for _, s := range e.Sections {
			d.font("B", tableSize, mutedGrey)
			d.EnsureSpace(3 * bodyLineH)
			d.flow([]string{s.Heading}, d.left, d.ContentWidth(), bodyLineH, "L")
			d.font("", bodySize, inkGrey)
			d.Paragraph(s.Body)
		}
		if len(e.Tags) > 0 {
			d.Muted("Tags: " + strings.Join(e.Tags, ", "))
		}
		for _, c := range e.Comments {
			d.Italic("Supervisor's comment: " + c)
		}
	}
	if len(p.Supervision) > 0 {
		d.Heading(2, "Supervision notes that mention you")
		for _, s := range p.Supervision {
			d.Heading(3, "Supervision, "+longDate(s.Date))
			for _, t := range s.Texts {
				d.Paragraph(t)
			}
		}
	}

	d.Heading(1, "Newsletters")
	if len(p.Newsletters) == 0 {
		d.Italic("No newsletters were sent to you or include your writing.")
	} else {
		var rows [][]string
		for _, n := range p.Newsletters {
			var how []string
			if n.SentToHer {
				how = append(how, "Sent to you")
			}
			if n.Contributed {
				how = append(how, "Includes your writing")
			}
			issue := ""
			if n.Issue > 0 {
				issue = strconv.Itoa(n.Issue)
			}
			rows = append(rows, []string{issue, n.Title, shortDate(n.Date), strings.Join(how, "; ")})
		}
		d.Table([]Column{{Header: "Issue", Width: 16, Align: "R"}, {Header: "Title"}, {Header: "Date", Width: 26}, {Header: "", Width: 44}}, rows)
	}
}

// metInPerson are the contact kinds (as labels) at which a woman is seen
// or not; for a phone call or an agency liaison "seen" means nothing.
var metInPerson = map[string]bool{
	schema.ContactKind.Label("prison_visit"): true,
	schema.ContactKind.Label("release_day"):  true,
	schema.ContactKind.Label("community"):    true,
	schema.ContactKind.Label("court"):        true,
}

// dateWords prints a YYYY-MM-DD value as a short date and leaves other
// text alone.
func dateWords(v string) string {
	if schema.ValidDate(v) {
		return shortDate(v)
	}
	return v
}
