package pdf

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

const sampleKey = "7K3M-Q9ZD-X2HP-4WRT-N8FB-6YJC-0ASE-V5GQ-1KMT-D3XN-8PWZ-R4HB-2JQC-Y7FA"

func TestTheRecoverySheetShowsTheKeyOnOnePageWithHowToKeepIt(t *testing.T) {
	b, err := RecoverySheet(strings.ToLower(sampleKey), "/home/pat/.local/share/inreach/inreach.vault", "2025-07-04")
	require.NoError(t, err)
	text := pdfText(t, b)
	require.Len(t, pdfPages(text), 1)
	noSpace := strings.Join(strings.Fields(strings.ReplaceAll(text, "-", "")), "")
	require.Contains(t, noSpace, strings.ReplaceAll(sampleKey, "-", ""), "the whole key, in order, in capitals")
	flat := squash(text)
	for _, want := range []string{"Inreach recovery key", "/home/pat/.local/share/inreach/inreach.vault", "Friday 4 July 2025",
		"What this key is", "Where to keep it", "locked drawer", "Not with the computer", "When you need it",
		"Forgotten the passphrase? Use the recovery key", "inreach recover", "If this sheet is lost",
		"Confidential — Inreach recovery key", "Page 1 of 1"} {
		require.Contains(t, flat, want)
	}
}

func TestTheRecoverySheetRefusesABadKeyWithoutRepeatingIt(t *testing.T) {
	for _, key := range []string{"", "AB-CD", "7K3M-Q9ZD-X2HP-4WRT-N8F!-6YJC"} {
		_, err := RecoverySheet(key, "", "2025-07-04")
		require.Error(t, err, key)
		if key != "" {
			require.NotContains(t, err.Error(), key)
			require.NotContains(t, err.Error(), "7K3M")
		}
	}
	_, err := RecoverySheet(sampleKey, "", "4 July")
	require.ErrorContains(t, err, "creation date")
	require.NotContains(t, err.Error(), "7K3M")
}

func TestTheRecoverySheetWithoutAVaultPathSaysSo(t *testing.T) {
	b, err := RecoverySheet(sampleKey, "", "2025-07-04")
	require.NoError(t, err)
	require.Contains(t, squash(pdfText(t, b)), "Not recorded")
}

// A vault deep in a synced profile folder still gets its one-page sheet
// with the whole key: a path that fits is printed whole, and one too long
// for the page is shortened in the middle, keeping where it starts and the
// file's name.
func TestAVeryLongVaultPathStillGivesAOnePageSheet(t *testing.T) {
	onedrive := `C:\Users\pat.jones\OneDrive - Women's Support Charity\Documents\Casework\In-reach\2026\Inreach\inreach.vault`
	deep := `C:\Users\pat.jones\OneDrive - Women's Support Charity\` + strings.Repeat(`Shared folder\`, 40) + `my vault.vault`
	for _, p := range []string{onedrive, deep} {
		b, err := RecoverySheet(sampleKey, p, "2025-07-04")
		require.NoError(t, err, "%d characters", len(p))
		text := pdfText(t, b)
		require.Len(t, pdfPages(text), 1)
		noSpace := strings.Join(strings.Fields(strings.ReplaceAll(text, "-", "")), "")
		require.Contains(t, noSpace, strings.ReplaceAll(sampleKey, "-", ""), "the whole key")
		flat := strings.Join(strings.Fields(text), "")
		if p == onedrive {
			require.Contains(t, flat, strings.Join(strings.Fields(p), ""), "a path that fits is printed whole")
			continue
		}
		require.Contains(t, flat, `C:\Users\pat.jones\OneDrive`, "where it starts")
		require.Contains(t, flat, "myvault.vault", "the file's name")
		require.Contains(t, flat, "…")
	}
}
