package teamwork

import (
	"context"
	"database/sql"
	"fmt"

	"inreach/bundle"
	"inreach/exchange"
	"inreach/newsletter"
	"inreach/schema"
	"inreach/team"
)

// PrepareContribution builds the contribution of section sectionNo (1 for
// the first) of newsletter issue newsletterID to editor to: that section
// (heading, body, contributor, consent) in a draft issue of its own.
func PrepareContribution(ctx context.Context, db *sql.DB, to team.Member, newsletterID string, sectionNo int) (*Outgoing, error) {
	is, err := newsletter.New(db).GetIssue(newsletterID)
	if err != nil {
		return nil, err
	}
	if sectionNo < 1 || sectionNo > len(is.Sections) {
		return nil, fmt.Errorf("issue %d has %d sections; choose one from 1 to %d", is.Number, len(is.Sections), len(is.Sections))
	}
	sec := is.Sections[sectionNo-1]
	d := &exchange.Document{Newsletters: []exchange.Newsletter{{
		ID: schema.NewID("n"), Title: is.Title, Issue: 1, Date: is.Date, Status: "draft",
		Sections: []exchange.NewsletterSection{{Heading: sec.Heading, Body: sec.Body, Contributor: sec.Contributor, Consent: sec.Consent}},
		SentTo:   []string{}, Checklist: []string{},
	}}}
	return &Outgoing{Kind: bundle.KindContribution, To: to, Doc: d, Summary: "a newsletter section"}, nil
}

// contribution puts a colleague's section in the editor's contributions
// inbox (newsletter.Store.Contributions).
func (in *incoming) contribution() (func(tx *sql.Tx) (string, error), error) {
	if err := only(in.doc, "contribution", "newsletters"); err != nil {
		return nil, err
	}
	if len(in.doc.Newsletters) != 1 || len(in.doc.Newsletters[0].Sections) != 1 {
		return nil, refuse(ErrInvalid, "a contribution holds exactly one newsletter section; nothing was changed")
	}
	if err := validateAlone(in.ctx, in.doc, nil); err != nil {
		return nil, err
	}
	s := in.doc.Newsletters[0].Sections[0]
	c := &newsletter.Contribution{BundleID: in.h.ID, Sender: in.from.Fingerprint(), SenderName: in.from.Name, ReceivedAt: in.receivedAt,
		Section: newsletter.Section{Heading: s.Heading, Body: s.Body, Contributor: s.Contributor, Consent: s.Consent}}
	return func(tx *sql.Tx) (string, error) {
		if err := newsletter.AddContributionTx(tx, c); err != nil {
			return "", invalid(err)
		}
		return "a newsletter contribution from " + in.from.Name, nil
	}, nil
}
