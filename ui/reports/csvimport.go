package reports

import (
	"bytes"
	"fmt"
	"io"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/csvimport"
	"inreach/ui/kit"
)

// csvImport brings women or contacts in from a spreadsheet saved as CSV:
// the file is read and checked (csvimport.Prepare) before anything is
// written, the first rows shown with each column's field (guessed from its
// header, changeable: a new choice prepares the file again with a
// csvimport.Map) and every problem listed by row and column. Only "Import
// N rows" writes, and then every row or nothing.
type csvImport struct {
	u       kit.Env
	kind    *widget.Select
	choose  *widget.Button
	file    *widget.Label
	columns *fyne.Container
	rows    *fyne.Container
	issues  *fyne.Container
	importB *widget.Button
	root    fyne.CanvasObject

	name    string // the file's name
	data    []byte // the file as read (in memory only)
	m       csvimport.Map
	preview *csvimport.Preview
	gen     int
}

// csvKinds are the kinds of file, in words.
var csvKinds = []struct{ Kind, Label string }{
	{"women", "Women (one row per woman)"},
	{"contacts", "Contacts (one row per contact with one woman)"},
}

// chooseCSV asks for a CSV file and hands its name and contents to got.
// Tests replace it.
var chooseCSV = func(w fyne.Window, got func(name string, data []byte, err error)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			if err != nil {
				got("", nil, err)
			}
			return
		}
		defer r.Close()
		data, err := io.ReadAll(io.LimitReader(r, csvimport.MaxFileBytes+1))
		got(r.URI().Name(), data, err)
	}, w)
	d.Resize(fyne.NewSize(max(600, w.Canvas().Size().Width*0.8), max(440, w.Canvas().Size().Height*0.8)))
	d.Show()
}

func newCSVImport(u kit.Env) *csvImport {
	c := &csvImport{u: u}
	var labels []string
	for _, k := range csvKinds {
		labels = append(labels, k.Label)
	}
	c.kind = widget.NewSelect(labels, func(string) {
		c.m = nil
		c.prepare()
	})
	c.kind.Selected = labels[0]
	c.choose = widget.NewButtonWithIcon("Choose a CSV file…", theme.FolderOpenIcon(), c.chooseFile)
	c.file = kit.Muted("No file chosen. Save the sheet from your spreadsheet program as “CSV UTF-8” first.")
	c.columns = container.NewVBox()
	c.rows = container.NewVBox()
	c.issues = container.NewVBox()
	c.importB = widget.NewButtonWithIcon("Import", theme.UploadIcon(), c.confirmImport)
	c.importB.Importance = widget.HighImportance
	c.importB.Hide()
	c.root = kit.TitledCard("Import a spreadsheet (CSV)", "",
		container.NewVBox(
			kit.Wrapped("Dates may be written as 06/12/2026, 2026-12-06 or 6 Dec 2026. Nothing is written until you press Import, and then every row is added or none."),
			container.NewBorder(nil, nil, widget.NewLabel("The file holds"), c.choose, c.kind),
			c.file, c.columns, c.rows, c.issues,
			container.NewHBox(c.importB),
		))
	return c
}

func (c *csvImport) Content() fyne.CanvasObject { return c.root }

func (c *csvImport) kindValue() string {
	for _, k := range csvKinds {
		if k.Label == c.kind.Selected {
			return k.Kind
		}
	}
	return ""
}

func (c *csvImport) chooseFile() {
	chooseCSV(c.u.Window(), func(name string, data []byte, err error) {
		if err != nil {
			kit.ShowError(c.u.Window(), "The file could not be read", err)
			return
		}
		c.name, c.data, c.m = name, data, nil
		c.prepare()
	})
}

// prepare reads and checks the file (off the UI goroutine) and shows the
// preview. Nothing is written.
func (c *csvImport) prepare() {
	if c.data == nil || c.u.Locked() {
		return
	}
	c.gen++
	gen, db, ctx, kind, data, m := c.gen, c.u.DB(), c.u.Context(), c.kindValue(), c.data, c.m
	c.file.SetText(c.name + ": reading…")
	c.importB.Hide()
	var p *csvimport.Preview
	var err error
	c.u.Go(func() {
		p, err = csvimport.Prepare(ctx, db, kind, bytes.NewReader(data), m)
	}, func() {
		if gen != c.gen || c.u.Locked() {
			return
		}
		if err != nil {
			c.preview = nil
			c.file.SetText(c.name + " could not be read. " + kit.Sentence(err))
			c.columns.RemoveAll()
			c.rows.RemoveAll()
			c.issues.RemoveAll()
			return
		}
		c.show(p)
	})
}

// fieldLeftOut is the field choice that leaves a column out.
const fieldLeftOut = "Leave this column out"

// show puts a preview on screen: each column with its field, the first
// rows, the problems, and the Import button when there are none.
func (c *csvImport) show(p *csvimport.Preview) {
	c.preview = p
	fields := csvimport.FieldsOf(p.Kind)
	options := []string{fieldLeftOut}
	for _, f := range fields {
		options = append(options, f.Label)
	}
	label := func(key string) string {
		for _, f := range fields {
			if f.Key == key {
				return f.Label
			}
		}
		return fieldLeftOut
	}
	key := func(l string) string {
		for _, f := range fields {
			if f.Label == l {
				return f.Key
			}
		}
		return ""
	}

	c.file.SetText(fmt.Sprintf("%s: %s. Check the field each column is read as.", c.name, kit.CountWords(p.Total, "row", "rows")))
	var cells []fyne.CanvasObject
	for _, col := range p.Columns {
		header := col.Header
		sel := widget.NewSelect(options, nil)
		sel.Selected = label(col.Field)
		sel.OnChanged = func(l string) {
			if c.m == nil {
				c.m = csvimport.Map{}
			}
			c.m[header] = key(l)
			c.prepare()
		}
		how := "chosen"
		if col.Guessed {
			how = "guessed from the header"
		}
		if col.Field == "" {
			how = "not read"
		}
		name := widget.NewLabelWithStyle(header, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		name.Truncation = fyne.TextTruncateEllipsis
		cells = append(cells, container.NewVBox(name, sel, kit.Muted(how)))
	}
	c.columns.Objects = []fyne.CanvasObject{kit.Subheading("Columns"), container.NewGridWrap(fyne.NewSize(220, cells0Height(cells)), cells...)}
	c.columns.Refresh()

	c.rows.Objects = []fyne.CanvasObject{kit.Subheading(fmt.Sprintf("The first %s", kit.CountWords(len(p.Rows), "row", "rows"))), previewTable(p)}
	c.rows.Refresh()

	var issues []fyne.CanvasObject
	if len(p.Problems) > 0 {
		issues = append(issues, kit.Subheading(fmt.Sprintf("%s to put right before importing",
			kit.CountWords(len(p.Problems), "problem", "problems"))))
		for _, pr := range p.Problems {
			l := kit.Wrapped(problemWords(pr))
			l.Importance = widget.DangerImportance
			issues = append(issues, l)
		}
		issues = append(issues, kit.Muted("Correct the file and choose it again, or change a column's field above. Nothing has been written."))
	}
	c.issues.Objects = issues
	c.issues.Refresh()
	if p.OK() && p.Total > 0 {
		c.importB.SetText("Import " + kit.CountWords(p.Total, "row", "rows"))
		c.importB.Show()
	} else {
		c.importB.Hide()
	}
}

// cells0Height is the height of the tallest column cell.
func cells0Height(cells []fyne.CanvasObject) float32 {
	h := float32(0)
	for _, o := range cells {
		h = max(h, o.MinSize().Height)
	}
	return h
}

// problemWords says a problem by spreadsheet row and column.
func problemWords(p csvimport.Problem) string {
	switch {
	case p.Row == 0:
		return p.Message
	case p.Column == "":
		return "Row " + strconv.Itoa(p.Row) + ": " + p.Message
	}
	return "Row " + strconv.Itoa(p.Row) + ", column “" + p.Column + "”: " + p.Message
}

// previewTable shows the headers and the first rows as in the file.
func previewTable(p *csvimport.Preview) fyne.CanvasObject {
	n := len(p.Columns)
	if n == 0 {
		return kit.Muted("The file has no columns.")
	}
	var cells []fyne.CanvasObject
	cell := func(s string, bold bool) {
		l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: bold})
		l.Truncation = fyne.TextTruncateEllipsis
		cells = append(cells, l)
	}
	cell("Row", true)
	for _, col := range p.Columns {
		cell(col.Header, true)
	}
	for i, r := range p.Rows {
		cell(strconv.Itoa(i+2), false) // the header is row 1
		for j := 0; j < n; j++ {
			v := ""
			if j < len(r) {
				v = r[j]
			}
			cell(v, false)
		}
	}
	grid := container.NewGridWithColumns(n+1, cells...)
	return container.NewHScroll(container.New(&kit.AtLeastWidth{Width: float32(n+1) * 150}, grid))
}

// confirmImport asks, then writes every row or none.
func (c *csvImport) confirmImport() {
	p := c.preview
	if p == nil || !p.OK() || c.u.Locked() {
		return
	}
	what := kit.CountWords(p.Total, "row", "rows")
	dialog.ShowConfirm("Import "+what+"?",
		"Every row of "+c.name+" will be added to the vault as new records.", func(ok bool) {
			if ok {
				c.runImport(p)
			}
		}, c.u.Window())
}

func (c *csvImport) runImport(p *csvimport.Preview) {
	db, ctx, win := c.u.DB(), c.u.Context(), c.u.Window()
	var res csvimport.Result
	var err error
	c.importB.Disable()
	c.u.Go(func() {
		res, err = p.Import(ctx, db)
	}, func() {
		c.importB.Enable()
		if err != nil {
			kit.ShowError(win, "Nothing was imported; the vault is unchanged", err)
			return
		}
		c.u.Changed()
		c.name, c.data, c.m, c.preview = "", nil, nil, nil
		c.columns.RemoveAll()
		c.rows.RemoveAll()
		c.issues.RemoveAll()
		c.importB.Hide()
		c.file.SetText(importedWords(res))
		dialog.ShowInformation("Imported", importedWords(res), win)
	})
}

// importedWords says what an import added.
func importedWords(r csvimport.Result) string {
	switch {
	case r.Women > 0 && r.Contacts > 0:
		return fmt.Sprintf("Added %s and %s.", kit.CountWords(r.Women, "woman", "women"), kit.CountWords(r.Contacts, "contact", "contacts"))
	case r.Contacts > 0:
		return "Added " + kit.CountWords(r.Contacts, "contact", "contacts") + "."
	}
	return "Added " + kit.CountWords(r.Women, "woman", "women") + "."
}
