package settings

import (
	"testing"

	"fyne.io/fyne/v2/theme"

	"inreach/ui"
	"inreach/ui/contacts"
	"inreach/ui/diary"
	"inreach/ui/directory"
	"inreach/ui/kit"
	"inreach/ui/letters"
	"inreach/ui/reports"
	"inreach/ui/search"
	"inreach/ui/supervision"
	"inreach/ui/today"
	"inreach/ui/uitest"
	"inreach/ui/women"
)

// testNav is every section, this one built from this package.
var testNav = kit.Nav{
	{Section: kit.Today, Title: "Today", Icon: theme.HomeIcon, Build: func(e kit.Env) kit.Screen { return today.New(e) }},
	{Section: kit.Women, Title: "Women", Icon: theme.AccountIcon, Build: func(e kit.Env) kit.Screen { return women.New(e) }},
	{Section: kit.Contacts, Title: "Contacts", Icon: theme.CalendarIcon, Build: func(e kit.Env) kit.Screen { return contacts.New(e) }},
	{Section: kit.Diary, Title: "Diary", Icon: theme.DocumentCreateIcon, Build: func(e kit.Env) kit.Screen { return diary.New(e) }},
	{Section: kit.Supervision, Title: "Supervision", Icon: theme.GridIcon, Build: func(e kit.Env) kit.Screen { return supervision.New(e) }},
	{Section: kit.Letters, Title: "Letters & newsletter", Icon: theme.MailComposeIcon, Build: func(e kit.Env) kit.Screen { return letters.New(e) }},
	{Section: kit.Directory, Title: "Directory", Icon: theme.StorageIcon, Build: func(e kit.Env) kit.Screen { return directory.New(e) }},
	{Section: kit.Reports, Title: "Reports", Icon: theme.DocumentPrintIcon, Build: func(e kit.Env) kit.Screen { return reports.New(e) }},
	{Section: kit.Settings, Title: "Settings", Icon: theme.SettingsIcon, Build: func(e kit.Env) kit.Screen { return New(e) }},
	{Section: kit.Search, Title: "Search", Icon: theme.SearchIcon, Build: func(e kit.Env) kit.Screen { return search.New(e) }, Hidden: true},
}

// newTestUI is the app on a test driver, with every section.
func newTestUI(t *testing.T) *ui.UI { return uitest.NewTestUI(t, testNav) }
