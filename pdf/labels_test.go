package pdf

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/newsletter"
)

func TestAddressLabelsHaveEachWomanInCustodyAndNothingElse(t *testing.T) {
	db := newsletterVault(t)
	is := sampleIssue(t, db)
	b, err := AddressLabels(context.Background(), db, is.ID)
	require.NoError(t, err)
	text := pdfText(t, b)
	all := squash(text)
	for _, want := range []string{"Mary Ellen Smith", "A1234BC", "Ann Jones", "B2345CD", "Zoë O'Neill", "C3456DE",
		"HMP Bronzefield", "Woodthorpe Road", "TW15 3JZ", "HMP Askham Grange", "YO23 3FT"} {
		require.Contains(t, all, want)
	}
	// Kate has been released: no label. Nothing from the issue, no footer.
	for _, never := range []string{"Kate Brown", "D4567EF", "Spring Café", "Confidential", "Page 1", "Rosie", "Freepost"} {
		require.NotContains(t, all, never)
	}
	require.Len(t, pdfPages(text), 1)
}

func TestAddressLabelsFillTwentyOneToAPageInListOrder(t *testing.T) {
	db := newsletterVault(t)
	is := sampleIssue(t, db)
	for i := 0; i < 22; i++ { // 3 + 22 = 25 women in custody: two pages
		_, err := db.Exec(`INSERT INTO people(id, name, prison_number, status, establishment_id) VALUES(?,?,?,?,?)`,
			fmt.Sprintf("p-x%02d", i), fmt.Sprintf("Woman %02d", i), fmt.Sprintf("X%04dYZ", i), "custody_remand", "e-b")
		require.NoError(t, err)
	}
	list, err := newsletter.New(db).DistributionList()
	require.NoError(t, err)
	require.Len(t, list, 25)
	b, err := AddressLabels(context.Background(), db, is.ID)
	require.NoError(t, err)
	pages := pdfPages(pdfText(t, b))
	require.Len(t, pages, 2)
	for i, r := range list {
		page := squash(pages[i/21])
		require.Contains(t, page, r.PrisonNumber, "label %d on page %d", i, i/21+1)
	}
	require.NotContains(t, squash(pages[0]), list[21].PrisonNumber)

	_, err = AddressLabels(context.Background(), db, "n-missing")
	require.ErrorIs(t, err, newsletter.ErrNotFound)
}
