package schema

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestEmailsAndPhoneCallsDoNotUseTheBookedAndSeenWords(t *testing.T) {
	for _, kind := range []string{"phone", "email", "letter"} {
		w := WordsFor(kind)
		for _, s := range []string{w.Booked, w.NotBooked, w.Seen, w.NotSeen, w.SeenCount, w.ReasonPrompt, w.Unseen, w.Future} {
			require.NotEmpty(t, s, kind)
			low := strings.ToLower(s)
			require.NotContains(t, low, "booked", kind)
			require.NotContains(t, low, "seen", kind)
		}
	}
	for _, kind := range ContactKind.Values {
		w := WordsFor(kind)
		require.NotEmpty(t, w.Seen, kind)
		if kind != "phone" && kind != "email" && kind != "letter" {
			require.Equal(t, "Seen", w.Seen, kind)
			require.Equal(t, "Booked", w.Booked, kind)
		}
	}
	require.NotEqual(t, WordsFor("phone"), WordsFor("email"))
}
