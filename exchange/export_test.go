package exchange

// SetMaxFileBytes lowers the file size limit for a test and returns a
// function that puts it back.
func SetMaxFileBytes(n int) func() {
	old := maxFileBytes
	maxFileBytes = n
	return func() { maxFileBytes = old }
}
