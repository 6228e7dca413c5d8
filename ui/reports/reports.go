package reports

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"inreach/ui/kit"
)

// The Reports screen has three tabs: the monitoring figures for funders
// (reports_monitoring.go), a woman's data — subject access, export and
// erasure (person_data.go) — and the retention review of closed records
// (retention.go). Ctrl+P prints the monitoring report, or her subject access
// PDF while her data is shown.

type reportsScreen struct {
	u    kit.Env
	tabs *container.AppTabs

	mon       *monitoringTab
	data      *personDataTab
	retention *retentionTab

	monItem, dataItem, retentionItem *container.TabItem
}

// New builds the Reports section's screen for the open session.
func New(u kit.Env) *reportsScreen {
	s := &reportsScreen{u: u}
	s.mon = newMonitoringTab(u)
	s.data = newPersonDataTab(u, s.erased)
	s.retention = newRetentionTab(u, s.erased)
	s.monItem = container.NewTabItemWithIcon("Monitoring figures", theme.GridIcon(), s.mon.Content())
	s.dataItem = container.NewTabItemWithIcon("Data protection", theme.AccountIcon(), s.data.Content())
	s.retentionItem = container.NewTabItemWithIcon("Retention review", theme.HistoryIcon(), s.retention.Content())
	s.tabs = container.NewAppTabs(s.monItem, s.dataItem, s.retentionItem)
	s.tabs.OnSelected = func(t *container.TabItem) {
		switch t {
		case s.dataItem:
			s.data.reload()
		case s.retentionItem:
			s.retention.reload()
		}
	}
	return s
}

func (s *reportsScreen) Content() fyne.CanvasObject { return s.tabs }

// refresh recounts the figures and reloads the lists when the section is
// shown again (records may have changed elsewhere).
func (s *reportsScreen) Reload() {
	s.mon.reload()
	s.data.reload()
	s.retention.reload()
}

// print makes the monitoring PDF, or her subject access PDF when the Data
// protection tab shows a woman.
func (s *reportsScreen) Print() {
	if s.tabs.Selected() == s.dataItem && s.data.person != nil {
		s.data.subjectAccessPDF()
		return
	}
	s.tabs.Select(s.monItem)
	s.mon.exportPDF()
}

// erased is called after a woman was erased from either tab: every list
// that could show her is reloaded.
func (s *reportsScreen) erased() {
	s.mon.reload()
	s.data.reload()
	s.retention.reload()
}
