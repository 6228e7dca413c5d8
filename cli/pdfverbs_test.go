package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestPDFSupervisionNamesTheSupervisorGivenOnTheCommandLine(t *testing.T) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed: cannot read the PDF back")
	}
	env, _ := newVault(t)
	dir := t.TempDir()
	text := func(args ...string) string {
		t.Helper()
		out := filepath.Join(dir, "sup.pdf")
		code, _, errs := run(t, env, append(append([]string{"pdf", "supervision", "--from", "2026-01-01", "--to", "2026-03-31"}, args...), "-o", out)...)
		require.Equal(t, ExitOK, code, errs)
		b, err := exec.Command(bin, "-layout", out, "-").Output()
		require.NoError(t, err)
		require.NoError(t, os.Remove(out))
		return strings.Join(strings.Fields(string(b)), " ")
	}
	require.Contains(t, text("--supervisor", "Jo Given"), "Supervisor Jo Given")
	require.NotContains(t, text(), "Jo Given", "nothing given, no session: no name")
}
