package ui

import "fyne.io/fyne/v2/theme"

// App is the table of every section of the desktop app.
var App = Nav{
	{Section: Today, Title: "Today", Icon: theme.HomeIcon, Build: func(e Env) Screen { return newTodayScreen(e) }},
	{Section: Women, Title: "Women", Icon: theme.AccountIcon, Build: func(e Env) Screen { return newWomenScreen(e) }},
	{Section: Contacts, Title: "Contacts", Icon: theme.CalendarIcon, Build: func(e Env) Screen { return newContactsScreen(e) }},
	{Section: Diary, Title: "Diary", Icon: theme.DocumentCreateIcon, Build: func(e Env) Screen { return newDiaryScreen(e) }},
	{Section: Supervision, Title: "Supervision", Icon: theme.GridIcon, Build: func(e Env) Screen { return newSupervisionScreen(e) }},
	{Section: Letters, Title: "Letters & newsletter", Icon: theme.MailComposeIcon, Build: func(e Env) Screen { return newLettersScreen(e) }},
	{Section: Directory, Title: "Directory", Icon: theme.StorageIcon, Build: func(e Env) Screen { return newDirectoryScreen(e) }},
	{Section: Reports, Title: "Reports", Icon: theme.DocumentPrintIcon, Build: func(e Env) Screen { return newReportsScreen(e) }},
	{Section: Settings, Title: "Settings", Icon: theme.SettingsIcon, Build: func(e Env) Screen { return newSettingsScreen(e) }},
	{Section: Search, Title: "Search", Icon: theme.SearchIcon, Build: func(e Env) Screen { return newSearchScreen(e) }, Hidden: true},
}
