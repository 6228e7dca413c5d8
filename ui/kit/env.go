package kit

import (
	"context"
	"database/sql"
	"time"

	"fyne.io/fyne/v2"

	"inreach/diary"
	"inreach/newsletter"
	"inreach/notes"
	"inreach/vault"
)

// Section is one part of the main window.
type Section string

// The sections, in the order the navigation lists them; Search is reached
// from the search box.
const (
	Today       Section = "today"
	Women       Section = "women"
	Contacts    Section = "contacts"
	Diary       Section = "diary"
	Supervision Section = "supervision"
	Letters     Section = "letters"
	Directory   Section = "directory"
	Reports     Section = "reports"
	Settings    Section = "settings"
	Search      Section = "search"
)

// Route is where Open goes: a section, and in it one record, a new record,
// or (for Search) a query.
type Route struct {
	Section Section
	ID      string // the record to show; for Search, the query
	New     bool   // a new record; ID, when set, is the woman it is for
	Edit    bool   // the record, open for editing
	// Part is the part of the record or section to show (one of its
	// tabs, a word the screen defines), or "" for where it opens.
	Part string
}

// PartOf is one part (a tab) of a record, or of the section when id is "".
func PartOf(s Section, id, part string) Route { return Route{Section: s, ID: id, Part: part} }

// The parts the Reports screen and her page open to.
const (
	PartEvaluation = "evaluation" // Reports: the evaluation's table
	PartImport     = "import"     // Reports: import a spreadsheet, anonymised export
	PartReadings   = "readings"   // her page: how she is doing (her readings)
)

// To is a section as it was last left.
func To(s Section) Route { return Route{Section: s} }

// Record is one record of a section.
func Record(s Section, id string) Route { return Route{Section: s, ID: id} }

// NewRecord starts a new record in a section, for the woman forID when
// that is not empty.
func NewRecord(s Section, forID string) Route { return Route{Section: s, ID: forID, New: true} }

// EditRecord is one record of a section, open for editing.
func EditRecord(s Section, id string) Route { return Route{Section: s, ID: id, Edit: true} }

// SearchFor is the search section showing the results for q.
func SearchFor(q string) Route { return Route{Section: Search, ID: q} }

// Env is what a screen may use of the application while the vault is open:
// the session's stores, the window, navigation, background work and the
// session's timers. Screens get nothing else.
type Env interface {
	Window() fyne.Window

	Notes() *notes.Store
	Diary() *diary.Store
	Letters() *newsletter.Store
	DB() *sql.DB
	Vault() *vault.Vault

	// Open shows a route (another section, a record in it).
	Open(Route)
	// Go runs work off the UI goroutine, then runs then (which may be
	// nil) on it. Tests wait for both.
	Go(work, then func())
	// After runs f on the UI goroutine once d has passed on the session's
	// clock. Locking stops every such timer.
	After(d time.Duration, f func()) *Timer
	// Changed says the stores were changed: the session saves soon.
	Changed()
	// Save writes the vault now if anything changed.
	Save() error
	// SaveFailed reports a save that failed.
	SaveFailed(error)
	// Locked is true once this session has been locked: work that
	// finishes late must leave the window alone.
	Locked() bool
	// Now is the session's clock.
	Now() time.Time
	// Context is the context for work started from the screen.
	Context() context.Context
	// IdleSettingsChanged says the auto-lock period changed.
	IdleSettingsChanged()
}

// Screen is the content of one section. Screens may also implement the
// optional interfaces below.
type Screen interface {
	Content() fyne.CanvasObject
}

// Reloader screens reload their data when shown again.
type Reloader interface{ Reload() }

// Opener screens can show a route within their section (a record, a new
// record, a query).
type Opener interface{ Open(Route) }

// BeforeLocker screens save drafts in progress before the vault locks.
type BeforeLocker interface{ BeforeLock() }

// Saver and Printer screens act on Ctrl+S and Ctrl+P. A Printer that is
// also a PrintChecker says whether it has anything to print now (a record
// open); File › Print is disabled while it has not.
type (
	Saver        interface{ Save() }
	Printer      interface{ Print() }
	PrintChecker interface{ CanPrint() bool }
)

// Builder makes a section's screen.
type Builder func(Env) Screen

// DefaultLockMinutes is the auto-lock period when Settings has none.
const DefaultLockMinutes = 5
