package letters

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"

	"inreach/newsletter"
	"inreach/ui/kit"
)

// The prefixes of the ids open(id) takes: "letter:<id>" opens a letter,
// "newsletter:<id>" an issue (search results and the tour use them).
const (
	letterRef     = "letter:"
	newsletterRef = "newsletter:"
)

// lettersScreen is the "Letters & newsletter" section: a tab with the
// correspondence log and the letter being logged, and a tab with the
// newsletter issues and the issue being written.
type lettersScreen struct {
	u    kit.Env
	tabs *container.AppTabs

	logTab  *container.TabItem
	newsTab *container.TabItem
	log     *letterLog
	news    *newsletterTab
}

// New builds the Letters & newsletter section's screen for the open session.
func New(u kit.Env) *lettersScreen {
	s := &lettersScreen{u: u}
	s.log = newLetterLog(u)
	s.news = newNewsletterTab(u)
	s.logTab = container.NewTabItemWithIcon("Letters", theme.MailComposeIcon(), s.log.Content())
	s.newsTab = container.NewTabItemWithIcon("Newsletter", theme.DocumentIcon(), s.news.Content())
	s.tabs = container.NewAppTabs(s.logTab, s.newsTab)
	s.tabs.OnSelected = func(t *container.TabItem) {
		if t == s.newsTab {
			s.log.flush()
			s.news.reload()
		} else {
			s.news.flush()
			s.log.reload()
		}
	}
	return s
}

func (s *lettersScreen) Content() fyne.CanvasObject { return s.tabs }

// open shows one record: "letter:<id>", "newsletter:<id>", or a bare id
// (a letter if there is one with that id, otherwise an issue).
// Open shows the record (or the query) the route names.
func (s *lettersScreen) Open(r kit.Route) { s.open(r.ID) }

func (s *lettersScreen) open(id string) {
	switch {
	case strings.HasPrefix(id, letterRef):
		s.openLetter(strings.TrimPrefix(id, letterRef))
	case strings.HasPrefix(id, newsletterRef):
		s.openIssue(strings.TrimPrefix(id, newsletterRef))
	case id == "":
	default:
		_, err := s.u.Letters().GetLetter(id)
		if err == nil {
			s.openLetter(id)
			return
		}
		if !errors.Is(err, newsletter.ErrNotFound) {
			kit.ShowError(s.u.Window(), "The letter could not be opened", err)
			return
		}
		_, err = s.u.Letters().GetIssue(id)
		if err == nil {
			s.openIssue(id)
			return
		}
		if errors.Is(err, newsletter.ErrNotFound) {
			dialog.ShowInformation("Not found", "That letter or newsletter issue is no longer in the notebook: it may have been deleted.", s.u.Window())
			return
		}
		kit.ShowError(s.u.Window(), "The newsletter issue could not be opened", err)
	}
}

func (s *lettersScreen) openLetter(id string) {
	s.tabs.Select(s.logTab)
	s.log.open(id)
}

func (s *lettersScreen) openIssue(id string) {
	s.tabs.Select(s.newsTab)
	s.news.open(id)
}

// refresh reloads both tabs: letters and women may have changed elsewhere.
func (s *lettersScreen) Reload() {
	if s.tabs.Selected() == s.newsTab {
		s.news.reload()
		s.news.refreshOpen()
	} else {
		s.log.reload()
		s.log.refreshOpen()
	}
}

// save writes what is open now (Ctrl+S).
func (s *lettersScreen) Save() {
	if s.tabs.Selected() == s.newsTab {
		s.news.flush()
	} else {
		s.log.Save()
	}
}

// print makes the PDF of the open newsletter issue (Ctrl+P).
func (s *lettersScreen) Print() {
	if s.tabs.Selected() == s.newsTab && s.news.print() {
		return
	}
	dialog.ShowInformation("Nothing to print here",
		"Ctrl+P makes the PDF of the newsletter issue that is open in the Newsletter tab. Open an issue there first.", s.u.Window())
}

// beforeLock keeps the letter being logged and the issue being written.
func (s *lettersScreen) BeforeLock() {
	s.log.BeforeLock()
	s.news.BeforeLock()
}
