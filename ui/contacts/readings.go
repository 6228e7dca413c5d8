package contacts

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"inreach/notes"
	"inreach/schema"
	"inreach/ui/kit"
)

// Her readings at a contact: "How is she doing?" asks her to rate her
// wellbeing, and if she wants one area of need, from 1 (the worst things
// could be) to 10 (the best). They are saved as her readings at this
// contact (notes.SetContactReadings), dated the contact's day, after the
// contact itself; the wellbeing score is also the contact's own wellbeing
// for her, so the two always agree. A woman not seen has no readings: any
// she had at this contact are removed when it is saved.

// areaNone is the area choice meaning "no second score".
const areaNone = "No other area"

// areaOptions are the need areas a second score can rate.
func areaOptions() []string { return append([]string{areaNone}, schema.NeedArea.LabelList()...) }

// newHowRow builds the "How is she doing?" row from her saved or drafted
// state: the wellbeing score (p.wellbeing) and an optional area and score.
func (p *visitPerson) newHowRow(st contactDraftPerson) fyne.CanvasObject {
	f := p.f
	p.readingAreas = append([]string(nil), st.ReadingAreas...)
	p.area = kit.NewSelect(areaOptions(), func(string) {
		p.clearError("Reading")
		f.changed()
	})
	p.area.Selected = areaNone
	if st.AreaReading != "" {
		p.area.Selected = schema.NeedArea.Label(st.AreaReading)
	}
	p.areaScore = kit.NewSelect(wellbeingOptions, func(string) {
		p.clearError("Reading")
		f.changed()
	})
	p.areaScore.Selected = wellbeingNone
	if st.AreaScore != "" {
		p.areaScore.Selected = st.AreaScore
	}
	ask := widget.NewLabel("How is she doing? (1–10)")
	scale := widget.NewLabel("1 the worst, 10 the best")
	scale.Importance = widget.LowImportance
	scale.Truncation = fyne.TextTruncateEllipsis
	// Two rows of a narrow window's width at most: the question and its
	// scale, then the scores.
	return container.NewVBox(
		container.NewBorder(nil, nil, ask, nil, scale),
		container.NewHBox(widget.NewLabel("Wellbeing"), kit.Sized(p.wellbeing, 72),
			widget.NewLabel("and"), kit.Sized(p.area, 200), kit.Sized(p.areaScore, 72)))
}

// readingState puts the chosen area and score in her draft.
func (p *visitPerson) readingState(st *contactDraftPerson) {
	st.ReadingAreas = append([]string(nil), p.readingAreas...)
	if v, ok := schema.NeedArea.ValueOf(p.area.Selected); ok {
		st.AreaReading = v
	}
	if p.areaScore.Selected != wellbeingNone {
		st.AreaScore = p.areaScore.Selected
	}
}

// readingProblem says what the form can see is wrong with her second
// score, or "".
func (p *visitPerson) readingProblem() string {
	_, hasArea := schema.NeedArea.ValueOf(p.area.Selected)
	hasScore := p.areaScore.Selected != wellbeingNone
	switch {
	case hasScore && !hasArea:
		return "Choose the area her second score is about, or set the score back to —."
	case hasArea && !hasScore:
		return "Choose her score for " + p.area.Selected + " (1 the worst, 10 the best), or choose No other area."
	}
	return ""
}

// readings are her readings to set at the contact on date, and the areas
// of her readings there to remove (those she had when the form opened).
func (p *visitPerson) readings(date string) (set []notes.Reading, drop []notes.ReadingKey) {
	for _, a := range p.readingAreas {
		drop = append(drop, notes.ReadingKey{PersonID: p.personID, Area: a})
	}
	if !p.seen.Checked {
		return nil, drop
	}
	if n, err := strconv.Atoi(p.wellbeing.Selected); err == nil {
		set = append(set, notes.Reading{PersonID: p.personID, Date: date, Area: "wellbeing", Score: n})
	}
	area, ok := schema.NeedArea.ValueOf(p.area.Selected)
	if n, err := strconv.Atoi(p.areaScore.Selected); ok && err == nil {
		set = append(set, notes.Reading{PersonID: p.personID, Date: date, Area: area, Score: n})
	}
	return set, drop
}

// saveReadings records the readings of every woman at the saved contact
// c, and removes those of women no longer at it.
func (f *contactForm) saveReadings(c *notes.Contact) error {
	var set []notes.Reading
	var drop []notes.ReadingKey
	here := map[string]bool{}
	for _, p := range f.women {
		here[p.personID] = true
		s, d := p.readings(c.Date)
		set, drop = append(set, s...), append(drop, d...)
	}
	stored, err := f.u.Notes().ListContactReadings(c.ID)
	if err != nil {
		return err
	}
	for _, r := range stored {
		if !here[r.PersonID] {
			drop = append(drop, notes.ReadingKey{PersonID: r.PersonID, Area: r.Area})
		}
	}
	if len(set) == 0 && len(drop) == 0 {
		return nil
	}
	return f.u.Notes().SetContactReadings(c.ID, set, drop)
}

// addReadings puts the readings of a stored contact into its draft: her
// wellbeing reading is her wellbeing score there (it wins over the
// contact's own), and the first other area her second score.
func addReadings(d *contactDraft, readings []notes.Reading) {
	for i := range d.People {
		dp := &d.People[i]
		for _, r := range readings {
			if r.PersonID != dp.PersonID {
				continue
			}
			dp.ReadingAreas = append(dp.ReadingAreas, r.Area)
			switch {
			case r.Area == "wellbeing":
				dp.Wellbeing = strconv.Itoa(r.Score)
			case dp.AreaReading == "":
				dp.AreaReading, dp.AreaScore = r.Area, strconv.Itoa(r.Score)
			}
		}
	}
}
