// Package sections is the desktop app's navigation table: every section,
// in order, with its title, icon and the function that builds its screen.
// main hands it to ui.New; tests of one section build their own table.
package sections
