package kit

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"

	"inreach/privfile"
	"inreach/vault"
)

// WritePrivate writes data to the file the save dialog's writer is for,
// through privfile.Write: the file is readable by its owner only and is
// replaced as a whole, so a crash leaves no partial copy behind (a cut-off
// temporary file is removed at the next start). The dialog's own writer is
// closed first, with nothing written through it. It returns the file's
// full path.
func WritePrivate(wc fyne.URIWriteCloser, data []byte) (string, error) {
	path := wc.URI().Path()
	if err := wc.Close(); err != nil {
		return path, err
	}
	if wc.URI().Scheme() != "file" {
		return path, errors.New("choose a file on this computer")
	}
	return path, privfile.Write(path, data)
}

// RemoveIfEmpty removes the empty file a save dialog made when nothing
// could be written to it.
func RemoveIfEmpty(path string) {
	if st, err := os.Lstat(path); err == nil && st.Mode().IsRegular() && st.Size() == 0 {
		_ = os.Remove(path)
	}
}

// WriteSealedCopy writes a sealed copy of the open vault (every change
// included; it opens with the same passphrase and recovery key) to path
// through privfile.Write. It refuses the vault file itself.
func WriteSealedCopy(v *vault.Vault, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if abs == v.Path() || sameFile(abs, v.Path()) {
		// The save dialog has already opened, and so emptied, the file
		// chosen: put the notebook back whole from memory at once.
		if err := v.Rewrite(); err != nil {
			return fmt.Errorf("a copy cannot be written over the notebook itself, and the notebook could not be written back: %w; save a copy to another place now", err)
		}
		return errors.New("a copy cannot be written over the notebook itself; choose another file (the notebook is saved and whole)")
	}
	sealed, err := v.SealedCopy()
	if err != nil {
		return err
	}
	if err := privfile.Write(abs, sealed); err != nil {
		return fmt.Errorf("the copy could not be written: %w", err)
	}
	return nil
}

func sameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}
