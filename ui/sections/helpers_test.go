package sections

import (
	"testing"

	"inreach/ui"
	"inreach/ui/uitest"
)

// newTestUI is the app with every section, on a test driver.
func newTestUI(t *testing.T) *ui.UI { return uitest.NewTestUI(t, App) }
