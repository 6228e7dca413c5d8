package kit

import (
	"fyne.io/fyne/v2"
)

// NavEntry is one section of the main window: where it sits in the
// navigation, what it is called, and how its screen is made.
type NavEntry struct {
	Section Section
	Title   string
	Icon    func() fyne.Resource // a theme icon, looked up when drawn (never at start-up, which the command line shares)
	Build   Builder
	Hidden  bool // reached otherwise (the search box), not listed
}

// Nav is the navigation table, in order.
type Nav []NavEntry
