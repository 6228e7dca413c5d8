package reports

import (
	"bytes"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/exchange"
	"inreach/notes"
	"inreach/pdf"
	"inreach/schema"
	"inreach/ui/kit"
)

// personDataTab is the Data protection tab of the Reports screen: find a
// woman (closed records included), then give her everything held about her
// as a PDF (a subject access request), export her records as an
// interchange file, or erase her. The find box filters the list under it as
// she is typed, which is the completion: it copes with thousands of women.
type personDataTab struct {
	u      kit.Env
	erased func() // called after she is erased, to reload other lists

	find   *widget.Entry
	list   *widget.List
	people []notes.PersonSummary
	count  *widget.Label

	person *notes.PersonSummary // the woman shown, or nil
	detail *fyne.Container
	body   fyne.CanvasObject
}

func newPersonDataTab(u kit.Env, erased func()) *personDataTab {
	t := &personDataTab{u: u, erased: erased}
	t.find = kit.SearchBox("Name, pseudonym or number", t.reload)
	t.find.OnSubmitted = func(string) {
		if len(t.people) > 0 {
			t.list.Select(0)
		}
	}
	t.count = kit.Muted("")
	t.list = widget.NewList(
		func() int { return len(t.people) },
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("Name", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			name.Truncation = fyne.TextTruncateEllipsis
			info := widget.NewLabel("info")
			info.Importance = widget.LowImportance
			info.Truncation = fyne.TextTruncateEllipsis
			return container.New(&kit.PersonDataRowLayout{}, name, info)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			p := t.people[i]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(p.Name)
			c.Objects[1].(*widget.Label).SetText(personDataInfo(p))
		})
	t.list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(t.people) {
			p := t.people[i]
			t.show(&p)
		}
	}
	left := container.NewBorder(container.NewVBox(kit.Heading("Data protection"),
		kit.Subheading("Find her"), t.find, t.count), nil, nil, nil, t.list)
	t.detail = container.NewStack()
	t.showNothing()
	split := kit.ListPane(container.NewPadded(left), t.detail)
	t.body = split
	return t
}

func (t *personDataTab) Content() fyne.CanvasObject { return t.body }

// personDataInfo is the quiet second line of a woman in the list.
func personDataInfo(p notes.PersonSummary) string {
	var parts []string
	if p.Pseudonym != "" {
		parts = append(parts, "“"+p.Pseudonym+"”")
	}
	if p.PrisonNumber != "" {
		parts = append(parts, p.PrisonNumber)
	}
	if p.Status == "closed" && p.ClosedOn != "" {
		parts = append(parts, "closed "+kit.ShortDate(p.ClosedOn))
	} else if p.Status != "" {
		parts = append(parts, schema.PersonStatus.Label(p.Status))
	}
	return strings.Join(parts, " · ")
}

// reload lists the women matching the find box, keeping the one shown
// when she is still there.
func (t *personDataTab) reload() {
	if t.u.Locked() {
		return
	}
	people, err := t.u.Notes().ListPeople(notes.PeopleFilter{Text: strings.TrimSpace(t.find.Text), IncludeClosed: true})
	if err != nil {
		kit.ShowError(t.u.Window(), "The list of women could not be read", err)
		return
	}
	t.people = people
	t.list.UnselectAll()
	t.list.Refresh()
	switch {
	case len(people) == 0 && t.find.Text != "":
		t.count.SetText("No woman matches. Closed records are included.")
	case len(people) == 0:
		t.count.SetText("No women are recorded yet.")
	default:
		t.count.SetText(kit.CountWords(len(people), "woman", "women") + ", closed records included.")
	}
	if t.person != nil {
		for i := range people {
			if people[i].ID == t.person.ID {
				t.person = &people[i]
				t.list.Select(i)
				return
			}
		}
		// She is no longer listed under this search; keep her page unless
		// she is gone from the vault.
		if _, err := t.u.Notes().GetPerson(t.person.ID); err != nil {
			t.showNothing()
		}
	}
}

func (t *personDataTab) showNothing() {
	t.person = nil
	t.detail.Objects = []fyne.CanvasObject{kit.EmptyState("Choose a woman",
		"Find her on the left. You can then give her a copy of everything held about her "+
			"(a subject access request), export her records, or erase her.")}
	t.detail.Refresh()
}

// show puts her data-protection actions on the right.
func (t *personDataTab) show(p *notes.PersonSummary) {
	t.person = p
	info := personDataInfo(*p)
	if info == "" {
		info = "No pseudonym or prison number recorded."
	}

	sar := widget.NewButtonWithIcon("Subject access PDF…", theme.DocumentPrintIcon(), t.subjectAccessPDF)
	sar.Importance = widget.HighImportance
	export := widget.NewButtonWithIcon("Export her records (JSON)…", theme.DownloadIcon(), t.exportJSON)
	erase := widget.NewButtonWithIcon("Erase her…", theme.DeleteIcon(), func() {
		confirmErase(t.u, p.ID, p.Name, func() {
			t.showNothing()
			t.erased()
		})
	})
	erase.Importance = widget.DangerImportance

	cards := container.NewVBox(
		kit.TitledCard("Subject access request", "", container.NewVBox(
			personDataText("Everything held about her, worded for her to read: her record, needs, release plan, "+
				"her part of every contact, actions, events, letters, and the diary entries, supervision notes "+
				"and newsletters about her. Other people's names are replaced by “[another person]”."),
			container.NewHBox(sar))),
		kit.TitledCard("Her records as a file", "", container.NewVBox(
			personDataText("Her records in Inreach's JSON format, to pass to another service that uses it. "+
				"The file is not encrypted."),
			container.NewHBox(export))),
		kit.TitledCard("Erase her", "", container.NewVBox(
			personDataText("Removes her and every record about her from this notebook, for good. "+
				"You will be asked to type her name to confirm."),
			container.NewHBox(erase))),
	)
	page := container.NewBorder(container.NewVBox(kit.Heading(p.Name), kit.Muted(info)), nil, nil, nil,
		container.NewVScroll(cards))
	t.detail.Objects = []fyne.CanvasObject{container.NewPadded(page)}
	t.detail.Refresh()
}

// subjectAccessPDF prints everything held about her.
func (t *personDataTab) subjectAccessPDF() {
	if t.person == nil || t.u.Locked() {
		return
	}
	id, db, ctx, today := t.person.ID, t.u.DB(), t.u.Context(), kit.TodayFor(t.u)
	kit.ReportsSaveFile(t.u, "subject-access-"+id+"-"+today+".pdf", "Gathering everything held about her…",
		"The subject access PDF could not be made", func() ([]byte, error) {
			return pdf.PersonPDF(ctx, db, id, pdf.PersonOptions{GeneratedOn: today})
		}, func(path string) string {
			return "Everything held about her was saved as " + path + ".\n\n" +
				"The PDF is not encrypted. Give it to her securely, and delete your copy when you are done."
		})
}

// exportJSON writes her records as an interchange file, after saying it is
// not encrypted.
func (t *personDataTab) exportJSON() {
	if t.person == nil || t.u.Locked() {
		return
	}
	id, db, ctx, today := t.person.ID, t.u.DB(), t.u.Context(), kit.TodayFor(t.u)
	msg := widget.NewLabel("The file is NOT encrypted. It holds her name, her details and the notes about her. " +
		"Keep it somewhere safe, pass it on securely, and delete it when you are done.\n\n" +
		"Do not import it back into this notebook: her contacts would lose the other women's parts.")
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Export her records?", "Choose where to save…", "Cancel", msg, func(ok bool) {
		if !ok {
			return
		}
		kit.ReportsSaveFile(t.u, "records-"+id+"-"+today+".json", "Exporting her records…",
			"Her records could not be exported", func() ([]byte, error) {
				doc, err := exchange.Export(ctx, db, exchange.ExportOptions{PersonID: id})
				if err != nil {
					return nil, err
				}
				var buf bytes.Buffer
				err = exchange.Write(&buf, doc)
				return buf.Bytes(), err
			}, func(path string) string {
				return "Her records were saved as " + path + ".\n\nThe file is not encrypted: delete it when you are done."
			})
	}, t.u.Window())
	d.Resize(fyne.NewSize(480, 260))
	d.Show()
}

// personDataText is a wrapped paragraph of a card.
func personDataText(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}
