package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestMain runs main itself when asked to: the test binary then stands in
// for the inreach binary (same packages, same initialisation), so a test
// can run a verb in a child process with the environment it chooses.
func TestMain(m *testing.M) {
	if args := os.Getenv("INREACH_TEST_MAIN_ARGS"); args != "" {
		os.Args = append([]string{"inreach"}, strings.Fields(args)...)
		main()
		return
	}
	os.Exit(m.Run())
}

func TestTheCommandLineNeverPrintsFynesLocaleError(t *testing.T) {
	home := t.TempDir()
	for name, lang := range map[string][]string{
		"unset":   nil,
		"C":       {"LANG=C"},
		"C.UTF-8": {"LANG=C.UTF-8"},
		"POSIX":   {"LC_ALL=POSIX.UTF-8"},
		"en_GB":   {"LANG=en_GB.UTF-8"},
	} {
		for _, verb := range []string{"version", "help", "verify --vault " + home + "/none.inreach"} {
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append([]string{"HOME=" + home, "PATH=" + os.Getenv("PATH"), "INREACH_TEST_MAIN_ARGS=" + verb}, lang...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			_ = cmd.Run() // verify on a missing vault fails; what it prints is what matters
			for _, bad := range []string{"Fyne error", "user locale", "language: tag"} {
				if strings.Contains(stderr.String(), bad) {
					t.Errorf("LANG %s, inreach %s: standard error says %q:\n%s", name, verb, bad, stderr.String())
				}
			}
			if verb == "version" && !strings.HasPrefix(stdout.String(), "inreach ") {
				t.Errorf("LANG %s: inreach version printed %q, stderr %q", name, stdout.String(), stderr.String())
			}
		}
	}
}
