package wine

import (
	"os"
	"runtime"
	"testing"
)

// make test-windows sets INREACH_UNDER_WINE=1 when it runs the suites under
// wine, so this proves the detection both ways.
func TestDetectedSaysWhetherWineRunsTheProgram(t *testing.T) {
	want := os.Getenv("INREACH_UNDER_WINE") == "1"
	if runtime.GOOS != "windows" && want {
		t.Fatal("INREACH_UNDER_WINE set on a platform that is not Windows")
	}
	if got := Detected(); got != want {
		t.Fatalf("Detected() = %v with INREACH_UNDER_WINE=%q on %s", got, os.Getenv("INREACH_UNDER_WINE"), runtime.GOOS)
	}
}
