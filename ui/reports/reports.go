package reports

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"inreach/ui/kit"
)

// The Reports screen has five tabs: the monitoring figures for funders
// (monitoring.go, with the outcome figures in outcomes.go), the
// evaluation's table of years side by side (evaluation.go), a woman's data
// — subject access, export and erasure (person_data.go) — the retention
// review of closed records (retention.go), and data in and out: a
// spreadsheet imported with a preview (csvimport.go) and the anonymised
// export for evaluators (anonymised.go). Ctrl+P prints the monitoring report, or her subject access
// PDF while her data is shown.

type reportsScreen struct {
	u    kit.Env
	tabs *container.AppTabs

	mon       *monitoringTab
	data      *personDataTab
	retention *retentionTab
	eval      *evaluationTab
	csvIn     *csvImport
	anon      *anonymisedExport

	monItem, evalItem, dataItem, retentionItem, inOutItem *container.TabItem
}

// New builds the Reports section's screen for the open session.
func New(u kit.Env) *reportsScreen {
	s := &reportsScreen{u: u}
	s.mon = newMonitoringTab(u)
	s.data = newPersonDataTab(u, s.erased)
	s.retention = newRetentionTab(u, s.erased)
	s.eval = newEvaluationTab(u)
	s.csvIn = newCSVImport(u)
	s.anon = newAnonymisedExport(u)
	s.evalItem = container.NewTabItemWithIcon("Evaluation", theme.ListIcon(), s.eval.Content())
	s.inOutItem = container.NewTabItemWithIcon("Import and export", theme.UploadIcon(),
		container.NewVScroll(container.NewPadded(container.NewVBox(s.csvIn.Content(), s.anon.Content()))))
	s.monItem = container.NewTabItemWithIcon("Monitoring figures", theme.GridIcon(), s.mon.Content())
	s.dataItem = container.NewTabItemWithIcon("Data protection", theme.AccountIcon(), s.data.Content())
	s.retentionItem = container.NewTabItemWithIcon("Retention review", theme.HistoryIcon(), s.retention.Content())
	s.tabs = container.NewAppTabs(s.monItem, s.evalItem, s.dataItem, s.retentionItem, s.inOutItem)
	s.tabs.OnSelected = func(t *container.TabItem) {
		switch t {
		case s.dataItem:
			s.data.reload()
		case s.retentionItem:
			s.retention.reload()
		case s.evalItem:
			s.eval.reload()
		}
	}
	return s
}

func (s *reportsScreen) Content() fyne.CanvasObject { return s.tabs }

// refresh recounts the figures and reloads the lists when the section is
// shown again (records may have changed elsewhere).
func (s *reportsScreen) Reload() {
	s.mon.reload()
	if s.tabs.Selected() == s.evalItem {
		s.eval.refresh()
	} else {
		s.eval.eval = nil // worked out again when shown
	}
	s.data.reload()
	s.retention.reload()
}

// Open shows a part of the screen: the evaluation's table, or the import
// and anonymised export.
func (s *reportsScreen) Open(r kit.Route) {
	switch r.Part {
	case kit.PartEvaluation:
		s.tabs.Select(s.evalItem)
	case kit.PartImport:
		s.tabs.Select(s.inOutItem)
	}
}

// print makes the monitoring PDF, or her subject access PDF when the Data
// protection tab shows a woman.
func (s *reportsScreen) Print() {
	if s.tabs.Selected() == s.dataItem && s.data.person != nil {
		s.data.subjectAccessPDF()
		return
	}
	if s.tabs.Selected() == s.evalItem {
		s.eval.exportPDF()
		return
	}
	s.tabs.Select(s.monItem)
	s.mon.exportPDF()
}

// erased is called after a woman was erased from either tab: every list
// that could show her is reloaded.
func (s *reportsScreen) erased() {
	s.mon.reload()
	s.eval.eval = nil
	s.data.reload()
	s.retention.reload()
}
