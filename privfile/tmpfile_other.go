//go:build !linux

package privfile

// writeUnnamed is not available here: the data is written to a named,
// recognisable temporary file (see Write).
func writeUnnamed(path, tmp string, data []byte) (bool, error) { return false, nil }
