package supervision

import (
	"testing"

	"fyne.io/fyne/v2/theme"

	"inreach/ui"
	"inreach/ui/kit"
	"inreach/ui/today"
	"inreach/ui/uitest"
)

// testNav is Today and this section, built from this package (the diary
// section imports this one, so it cannot be part of these tests).
var testNav = kit.Nav{
	{Section: kit.Today, Title: "Today", Icon: theme.HomeIcon, Build: func(e kit.Env) kit.Screen { return today.New(e) }},
	{Section: kit.Supervision, Title: "Supervision", Icon: theme.GridIcon, Build: func(e kit.Env) kit.Screen { return New(e) }},
}

// newTestUI is the app on a test driver, with Today and Supervision.
func newTestUI(t *testing.T) *ui.UI { return uitest.NewTestUI(t, testNav) }
