package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/internal/wine"
)

// pdfText returns the text of a PDF as pdftotext (poppler-utils) reads it,
// pages separated by form feeds. The test is skipped if pdftotext is
// missing.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil && wine.Detected() {
		t.Skip("under wine: pdftotext is a Linux program, whose output a Windows program under wine 8 cannot read through a pipe; the PDFs are read back by the Linux tests")
	}
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed: cannot read the PDF back as text")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	require.NoError(t, os.WriteFile(in, pdf, 0o600))
	var stderr bytes.Buffer
	cmd := exec.Command(bin, "-enc", "UTF-8", "-layout", in, "-")
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "pdftotext: %s", stderr.String())
	return string(out)
}

// pdfPages splits pdftotext output into pages.
func pdfPages(text string) []string {
	pages := strings.Split(text, "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// squash collapses runs of white space, so that text wrapped over lines
// can be searched for as one string.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }
