package diary

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/diary"
	"inreach/ui/kit"
)

// learningChipCount is how many of the period's tags are offered as chips.
const learningChipCount = 12

// learningView gathers what the practitioner took forward from each entry
// (the Learning section of a visit reflection, the Action plan of a Gibbs
// entry) across a period, newest first, filtered by tag; each item opens
// its entry.
type learningView struct {
	u      kit.Env
	onOpen func(diaryID string)

	period *widget.Select
	tag    *widget.Select
	chips  *fyne.Container
	count  *widget.RichText
	list   *widget.List
	body   *fyne.Container
	empty  fyne.CanvasObject
	items  []diary.LearningItem

	root fyne.CanvasObject
}

func newLearningView(u kit.Env, onOpen func(string)) *learningView {
	v := &learningView{u: u, onOpen: onOpen}
	v.period = widget.NewSelect(kit.DiaryPeriods, func(string) { v.reload() })
	v.period.Selected = kit.DiaryLast12Months
	v.tag = widget.NewSelect([]string{diaryAnyTag}, func(string) { v.reloadItems() })
	v.tag.Selected = diaryAnyTag
	v.chips = container.NewHBox()
	v.count = kit.Soft("")

	v.list = widget.NewList(
		func() int { return len(v.items) },
		newLearningRow,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(v.items) {
				fillLearningRow(o, v.items[i])
			}
		},
	)
	v.list.OnSelected = func(i widget.ListItemID) {
		v.list.UnselectAll()
		if i < len(v.items) && v.onOpen != nil {
			v.onOpen(v.items[i].DiaryID)
		}
	}
	v.empty = kit.EmptyState("Nothing gathered yet",
		"What you write under “Learning” in a visit reflection, or “Action plan” in a Gibbs entry, is gathered here, newest first, so you can see what you have taken forward over a period and by theme.")
	v.body = container.NewStack(v.list)

	intro := kit.Soft("What you took forward from each entry: the Learning of visit reflections and the Action plan of Gibbs entries. Choose an item to open its entry.")
	filters := container.New(&kit.DiaryColumnsLayout{Fixed: 200},
		kit.Captioned("Period", v.period, nil),
		kit.Captioned("Tag", v.tag, nil))
	top := container.NewVBox(kit.Subheading("Learning across entries"), intro, filters, container.NewHScroll(v.chips), v.count)
	v.root = container.NewPadded(container.NewBorder(top, nil, nil, nil, v.body))
	return v
}

func (v *learningView) Content() fyne.CanvasObject { return v.root }

// reload reads the period's tag counts and items.
func (v *learningView) reload() {
	from, to := kit.DiaryPeriod(v.period.Selected, kit.TodayFor(v.u))
	counts, err := v.u.Diary().TagCounts(from, to)
	if err != nil {
		kit.ShowError(v.u.Window(), "The diary's tags could not be read", err)
		return
	}
	opts := []string{diaryAnyTag}
	keep := diaryAnyTag
	var chips []fyne.CanvasObject
	for i, tc := range counts {
		label := fmt.Sprintf("%s (%d)", tc.Tag, tc.Count)
		opts = append(opts, label)
		if v.tag.Selected != diaryAnyTag && diaryTagOf(v.tag.Selected) == tc.Tag {
			keep = label
		}
		if i < learningChipCount {
			l := label
			b := widget.NewButton(l, func() { v.tag.SetSelected(l) })
			b.Importance = widget.LowImportance
			chips = append(chips, b)
		}
	}
	v.tag.Options = opts
	v.tag.Selected = keep
	v.tag.Refresh()
	v.chips.Objects = chips
	v.chips.Refresh()
	v.reloadItems()
}

// reloadItems lists the learning for the period and tag.
func (v *learningView) reloadItems() {
	from, to := kit.DiaryPeriod(v.period.Selected, kit.TodayFor(v.u))
	tag := ""
	if v.tag.Selected != diaryAnyTag {
		tag = diaryTagOf(v.tag.Selected)
	}
	items, err := v.u.Diary().Learning(from, to, tag)
	if err != nil {
		kit.ShowError(v.u.Window(), "The learning could not be gathered", err)
		return
	}
	v.items = items
	switch n := len(items); {
	case n == 0:
		kit.SetSoft(v.count, "Nothing written for this period and tag")
	case n == 1:
		kit.SetSoft(v.count, "1 item")
	default:
		kit.SetSoft(v.count, fmt.Sprintf("%d items, newest first", n))
	}
	if len(items) == 0 {
		v.body.Objects = []fyne.CanvasObject{v.empty}
	} else {
		v.body.Objects = []fyne.CanvasObject{v.list}
	}
	v.body.Refresh()
	v.list.Refresh()
	v.list.ScrollToTop()
}

// learningRow is one item: date and heading, tags, then the text.
type learningRow struct {
	widget.BaseWidget
	box  *fyne.Container
	head *widget.Label
	meta *widget.RichText
	text *widget.Label
}

func newLearningRow() fyne.CanvasObject {
	r := &learningRow{}
	r.head = widget.NewLabelWithStyle("30 Sep 2025 · Learning", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.meta = kit.DiaryMutedLine()
	r.text = kit.DiaryWrapText()
	icon := widget.NewIcon(theme.NavigateNextIcon())
	head := container.NewBorder(nil, nil, nil, icon, r.head)
	r.box = container.New(&kit.DiaryRowLayout{TextLines: 3}, head, r.text, r.meta)
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer draws the row's parts.
func (r *learningRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

func fillLearningRow(o fyne.CanvasObject, it diary.LearningItem) {
	r := o.(*learningRow)
	r.head.SetText(kit.ShortDate(it.Date) + " · " + it.Heading)
	meta := "No tags"
	if len(it.Tags) > 0 {
		meta = strings.Join(it.Tags, ", ")
	}
	kit.SetSoft(r.meta, meta)
	r.text.SetText(strings.Join(strings.Fields(it.Text), " "))
}
