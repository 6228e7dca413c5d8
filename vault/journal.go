package vault

import (
	"bufio"
	"crypto/cipher"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"

	"golang.org/x/crypto/chacha20poly1305"
)

// The base image of a format 2 file is sealed in chunks, and saves append
// records of changed pages after it: the change journal. See doc.go.
const (
	journalFormat = 3               // the first format with a chunked base image and a journal
	chunkSize     = 1 << 20         // plaintext bytes per base chunk (the last may be shorter)
	chunkOverhead = nonceLen + 16   // nonce and tag per chunk
	frameHeadLen  = 4 + nonceLen    // ct_len, nonce
	recHeadLen    = 4 + 8 + 4       // block_size, db_size, count
	minRecordCT   = recHeadLen + 16 // an empty record and its tag
	maxRecordCT   = 1 << 30         // larger is damage, never allocated
	maxBlockSize  = 1 << 16         // SQLite's largest page
	baseLabel     = "inreach vault base chunk v2"
	journalLabel  = "inreach vault journal record v2"
	tagLen        = 16
)

// minJournalCap is how large the journal may always grow before it is
// compacted, however small the base image (a variable for the tests).
var minJournalCap int64 = 4 << 20

// baseIDOf identifies a base image: SHA-256 of its header bytes, which
// include a fresh random body nonce for every base written.
func baseIDOf(hb []byte) [32]byte { return sha256.Sum256(hb) }

// chunkCount is the number of chunks of an image of n bytes (at least one).
func chunkCount(n int64) int64 {
	if n <= 0 {
		return 1
	}
	return (n + chunkSize - 1) / chunkSize
}

// bodyLenOf is the sealed body length of an image of n bytes.
func bodyLenOf(n int64) int64 { return n + chunkCount(n)*chunkOverhead }

// imageLenOf inverts bodyLenOf, or fails for a length no image has.
func imageLenOf(bodyLen uint64) (int64, error) {
	if bodyLen < chunkOverhead || bodyLen > 1<<50 {
		return 0, damaged("its contents have an impossible length")
	}
	b := int64(bodyLen)
	n := (b + chunkSize + chunkOverhead - 1) / (chunkSize + chunkOverhead)
	img := b - n*chunkOverhead
	if img < 0 || chunkCount(img) != n {
		return 0, damaged("its contents have an impossible length")
	}
	return img, nil
}

// chunkAD binds a chunk to its base, its place and whether it is last.
func chunkAD(id *[32]byte, i int64, final bool) []byte {
	ad := make([]byte, 0, len(baseLabel)+32+9)
	ad = append(ad, baseLabel...)
	ad = append(ad, id[:]...)
	ad = binary.LittleEndian.AppendUint64(ad, uint64(i))
	if final {
		return append(ad, 1)
	}
	return append(ad, 0)
}

// writeBase writes a format 2 file's header and sealed base image of n
// bytes to w. fill puts the plaintext of chunk i into dst (len(dst) bytes).
// It returns the header bytes.
func writeBase(w io.Writer, dataKey []byte, h *header, n int64, fill func(i int64, dst []byte) error) ([]byte, error) {
	a, err := chacha20poly1305.NewX(dataKey)
	if err != nil {
		return nil, err
	}
	h = h.clone()
	h.Version = formatVersion
	h.BodyNonce = randomBytes(nonceLen)
	h.BodyLen = uint64(bodyLenOf(n))
	hb := h.marshal()
	if _, err := w.Write(hb); err != nil {
		return nil, err
	}
	id := baseIDOf(hb)
	count := chunkCount(n)
	plain := make([]byte, min(n, chunkSize))
	defer wipe(plain)
	out := make([]byte, 0, nonceLen+len(plain)+tagLen)
	for i := int64(0); i < count; i++ {
		l := min(chunkSize, n-i*chunkSize)
		p := plain[:l]
		if err := fill(i, p); err != nil {
			return nil, err
		}
		nonce := randomBytes(nonceLen)
		out = append(out[:0], nonce...)
		out = a.Seal(out, nonce, p, chunkAD(&id, i, i == count-1))
		if _, err := w.Write(out); err != nil {
			return nil, err
		}
		// A compaction runs beside the app's reads on a small machine: let
		// any goroutine waiting for a processor have it between chunks.
		runtime.Gosched()
	}
	return hb, nil
}

// splitFile parses the header of a whole format 1 or 2 file in memory and
// checks its body's length (nothing may follow it).
func splitFile(data []byte) (*header, []byte, error) {
	h, n, err := parseHeader(data)
	if err != nil {
		return nil, nil, err
	}
	body := data[n:]
	switch {
	case h.Version >= journalFormat:
		return nil, nil, errors.New("not a format 1 or 2 file")
	case uint64(len(body)) < h.BodyLen:
		return nil, nil, damaged("the file is cut short")
	case uint64(len(body)) > h.BodyLen:
		return nil, nil, damaged("the file has extra bytes at its end")
	}
	return h, body, nil
}

// vaultFile is an open vault file being read: its header and where its
// parts are.
type vaultFile struct {
	f       *os.File
	size    int64
	h       *header
	hb      []byte // the header bytes
	id      [32]byte
	imgLen  int64 // plaintext bytes of the base image
	bodyEnd int64 // where the journal starts
	path    string
}

// openVaultFile opens path and reads and checks its header.
func openVaultFile(path string) (*vaultFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if st.IsDir() {
		f.Close()
		return nil, fmt.Errorf("%s is a folder or cannot be read as a file: %w", path, ErrNotVault)
	}
	head := make([]byte, min(st.Size(), maxHeaderLen))
	if _, err := io.ReadFull(f, head); err != nil {
		f.Close()
		return nil, fmt.Errorf("could not read the vault: %w", err)
	}
	h, n, err := parseHeader(head)
	if err != nil {
		f.Close()
		return nil, err
	}
	vf := &vaultFile{f: f, size: st.Size(), h: h, hb: head[:n:n], id: baseIDOf(head[:n]), path: path}
	end := int64(n) + int64(min(h.BodyLen, 1<<60))
	switch {
	case end > vf.size:
		f.Close()
		return nil, damaged("the file is cut short")
	case h.Version < journalFormat && end < vf.size:
		f.Close()
		return nil, damaged("the file has extra bytes at its end")
	}
	if h.Version < journalFormat {
		vf.imgLen = int64(h.BodyLen) - tagLen
	} else if vf.imgLen, err = imageLenOf(h.BodyLen); err != nil {
		f.Close()
		return nil, err
	}
	vf.bodyEnd = end
	return vf, nil
}

func (vf *vaultFile) Close() error { return vf.f.Close() }

// readBase decrypts the base image chunk by chunk (formats 1 and 2: all at
// once, as one chunk) and passes each chunk's plaintext to sink with its
// offset. The plaintext is only valid during the call. bufFor, if not nil,
// gives the buffer to decrypt into for a chunk at an offset (so the load
// can decrypt straight into the working database's memory).
func (vf *vaultFile) readBase(dataKey []byte, bufFor func(off int64, n int) []byte, sink func(off int64, plain []byte) error) error {
	a, err := chacha20poly1305.NewX(dataKey)
	if err != nil {
		return err
	}
	r := io.NewSectionReader(vf.f, int64(len(vf.hb)), int64(vf.h.BodyLen))
	if vf.h.Version < journalFormat {
		n := int(vf.h.BodyLen)
		var buf []byte
		if bufFor != nil {
			buf = bufFor(0, n)
		} else {
			buf = make([]byte, n)
			defer wipe(buf)
		}
		if _, err := io.ReadFull(r, buf[:n]); err != nil {
			return fmt.Errorf("could not read the vault: %w", err)
		}
		plain, err := a.Open(buf[:0], vf.h.BodyNonce, buf[:n], vf.hb)
		if err != nil {
			return damaged("its contents fail their authentication check")
		}
		return sink(0, plain)
	}
	it := &baseChunks{vf: vf, a: a, br: bufio.NewReaderSize(r, 1<<20), count: chunkCount(vf.imgLen)}
	defer it.close()
	for it.i < it.count {
		off := it.i * chunkSize
		var dst []byte
		if bufFor != nil {
			dst = bufFor(off, int(min(chunkSize, vf.imgLen-off)))
		}
		plain, err := it.read(dst)
		if err != nil {
			return err
		}
		if err := sink(off, plain); err != nil {
			return err
		}
	}
	return nil
}

// decryptInto decrypts a format 3 base image into img (at least imgLen
// bytes), reading the chunks in order and opening them on every processor
// at once: they are independent, and an unlock is mostly this.
func (vf *vaultFile) decryptInto(dataKey []byte, img []byte) error {
	count := chunkCount(vf.imgLen)
	workers := min(runtime.GOMAXPROCS(0), int(count))
	type job struct {
		i  int64
		in []byte
	}
	jobs := make(chan job, workers)
	free := make(chan []byte, workers+1)
	for k := 0; k < workers+1; k++ {
		free <- make([]byte, nonceLen+min(chunkSize, vf.imgLen)+tagLen)
	}
	var (
		mu     sync.Mutex
		failed = int64(-1) // the first chunk that did not open
		wg     sync.WaitGroup
	)
	for w := 0; w < workers; w++ {
		a, err := chacha20poly1305.NewX(dataKey)
		if err != nil {
			return err
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				off := j.i * chunkSize
				l := min(chunkSize, vf.imgLen-off)
				dst := img[off : off+l : off+l]
				if _, err := a.Open(dst[:0], j.in[:nonceLen], j.in[nonceLen:nonceLen+l+tagLen], chunkAD(&vf.id, j.i, j.i == count-1)); err != nil {
					mu.Lock()
					if failed < 0 || j.i < failed {
						failed = j.i
					}
					mu.Unlock()
				}
				free <- j.in
			}
		}()
	}
	r := bufio.NewReaderSize(io.NewSectionReader(vf.f, int64(len(vf.hb)), int64(vf.h.BodyLen)), 1<<20)
	var readErr error
	for i := int64(0); i < count && readErr == nil; i++ {
		in := <-free
		l := min(chunkSize, vf.imgLen-i*chunkSize)
		if _, err := io.ReadFull(r, in[:nonceLen+l+tagLen]); err != nil {
			readErr = fmt.Errorf("could not read the vault: %w", err)
			free <- in
			break
		}
		jobs <- job{i, in}
	}
	close(jobs)
	wg.Wait()
	switch {
	case readErr != nil:
		return readErr
	case failed >= 0:
		return damaged(fmt.Sprintf("its contents fail their authentication check (in its %s megabyte)", ordinal(failed+1)))
	}
	return nil
}

// baseChunks reads a format 3 base image chunk by chunk.
type baseChunks struct {
	vf      *vaultFile
	a       cipher.AEAD
	br      *bufio.Reader
	i       int64
	count   int64
	sealed  []byte
	scratch []byte
}

// baseChunks starts reading the base image of a format 2 file.
func (vf *vaultFile) baseChunks(dataKey []byte) (*baseChunks, error) {
	a, err := chacha20poly1305.NewX(dataKey)
	if err != nil {
		return nil, err
	}
	r := io.NewSectionReader(vf.f, int64(len(vf.hb)), int64(vf.h.BodyLen))
	return &baseChunks{vf: vf, a: a, br: bufio.NewReaderSize(r, 1<<20), count: chunkCount(vf.imgLen)}, nil
}

// next returns the next chunk's plaintext, valid until the next call.
func (it *baseChunks) next() ([]byte, error) { return it.read(nil) }

// read decrypts the next chunk into dst (or a scratch buffer when dst is
// nil), which must hold the chunk exactly.
func (it *baseChunks) read(dst []byte) ([]byte, error) {
	if it.i >= it.count {
		return nil, io.ErrUnexpectedEOF
	}
	l := int(min(chunkSize, it.vf.imgLen-it.i*chunkSize))
	if it.sealed == nil {
		it.sealed = make([]byte, nonceLen+min(chunkSize, it.vf.imgLen)+tagLen)
	}
	in := it.sealed[:nonceLen+l+tagLen]
	if _, err := io.ReadFull(it.br, in); err != nil {
		return nil, fmt.Errorf("could not read the vault: %w", err)
	}
	if dst == nil {
		if it.scratch == nil {
			it.scratch = make([]byte, min(chunkSize, it.vf.imgLen))
		}
		dst = it.scratch
	}
	plain, err := it.a.Open(dst[:0], in[:nonceLen], in[nonceLen:], chunkAD(&it.vf.id, it.i, it.i == it.count-1))
	if err != nil {
		return nil, damaged(fmt.Sprintf("its contents fail their authentication check (in its %s megabyte)", ordinal(it.i+1)))
	}
	it.i++
	return plain, nil
}

// close wipes the scratch plaintext.
func (it *baseChunks) close() { wipe(it.scratch) }

// ordinal writes 1 as "1st", 2 as "2nd" and so on.
func ordinal(n int64) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprintf("%d%s", n, suffix)
}

// record is one journal record: the blocks of the database that changed
// in one save, and the database's size after it.
type record struct {
	blockSize int64
	dbSize    int64
	blocks    []uint32 // 0-based block numbers
	data      []byte   // the blocks' bytes, in order; each is blockSize long but the one at the end of the database may be shorter
}

// blockLen is the length of block b in r.
func (r *record) blockLen(b uint32) int64 {
	return max(0, min(r.blockSize, r.dbSize-int64(b)*r.blockSize))
}

// apply writes the record's blocks into img, which is at least dbSize long.
func (r *record) apply(img []byte) {
	off := int64(0)
	for _, b := range r.blocks {
		l := r.blockLen(b)
		copy(img[int64(b)*r.blockSize:], r.data[off:off+l])
		off += l
	}
}

// marshal encodes r as a record's plaintext.
func (r *record) marshal() []byte {
	out := make([]byte, 0, recHeadLen+4*len(r.blocks)+len(r.data))
	out = binary.LittleEndian.AppendUint32(out, uint32(r.blockSize))
	out = binary.LittleEndian.AppendUint64(out, uint64(r.dbSize))
	out = binary.LittleEndian.AppendUint32(out, uint32(len(r.blocks)))
	for _, b := range r.blocks {
		out = binary.LittleEndian.AppendUint32(out, b)
	}
	return append(out, r.data...)
}

// parseRecord decodes a record's plaintext. Only a record that passed its
// authentication check reaches here, so a malformed one is a bug or damage
// made with the key; it is refused either way.
func parseRecord(p []byte) (*record, error) {
	bad := damaged("a change in its journal is malformed")
	if len(p) < recHeadLen {
		return nil, bad
	}
	r := &record{
		blockSize: int64(binary.LittleEndian.Uint32(p)),
		dbSize:    int64(binary.LittleEndian.Uint64(p[4:])),
	}
	n := int64(binary.LittleEndian.Uint32(p[12:]))
	p = p[recHeadLen:]
	if r.blockSize < 512 || r.blockSize > maxBlockSize || r.blockSize&(r.blockSize-1) != 0 || r.dbSize < 0 || r.dbSize > 1<<46 || n*4 > int64(len(p)) {
		return nil, bad
	}
	r.blocks = make([]uint32, n)
	want := int64(0)
	for i := range r.blocks {
		r.blocks[i] = binary.LittleEndian.Uint32(p[4*i:])
		if i > 0 && r.blocks[i] <= r.blocks[i-1] {
			return nil, bad
		}
		l := r.blockLen(r.blocks[i])
		if l == 0 {
			return nil, bad
		}
		want += l
	}
	r.data = p[4*n:]
	if int64(len(r.data)) != want {
		return nil, bad
	}
	return r, nil
}

// recordAD binds a record to its base, its place in the journal and the
// record before it.
func recordAD(id *[32]byte, seq uint64, prev *[tagLen]byte, ctLen int) []byte {
	ad := make([]byte, 0, len(journalLabel)+32+8+tagLen+4)
	ad = append(ad, journalLabel...)
	ad = append(ad, id[:]...)
	ad = binary.LittleEndian.AppendUint64(ad, seq)
	ad = append(ad, prev[:]...)
	return binary.LittleEndian.AppendUint32(ad, uint32(ctLen))
}

// chain is where a journal stands: the base it belongs to, the number of
// records and the tag of the last one.
type chain struct {
	id   [32]byte
	seq  uint64
	prev [tagLen]byte
}

// sealRecord returns the framed, sealed record and advances c.
func sealRecord(dataKey []byte, c *chain, plain []byte) ([]byte, error) {
	a, err := chacha20poly1305.NewX(dataKey)
	if err != nil {
		return nil, err
	}
	ctLen := len(plain) + tagLen
	if ctLen > maxRecordCT {
		return nil, errors.New("the change is too large for one journal record")
	}
	out := make([]byte, frameHeadLen, frameHeadLen+ctLen)
	binary.LittleEndian.PutUint32(out, uint32(ctLen))
	nonce := randomBytes(nonceLen)
	copy(out[4:], nonce)
	out = a.Seal(out, nonce, plain, recordAD(&c.id, c.seq, &c.prev, ctLen))
	c.seq++
	copy(c.prev[:], out[len(out)-tagLen:])
	return out, nil
}

// journalScan is what reading a journal found.
type journalScan struct {
	records int   // whole, authentic records
	end     int64 // file offset just after the last of them
	torn    int64 // bytes after it that do not make a whole record (cut off by a crash), dropped
	chain   chain
}

// JournalDamage is the reason of a *DamagedError about the journal: which
// record failed and what is still good.
func journalDamage(good int, what string) error {
	if good == 0 {
		return damaged(fmt.Sprintf("its change journal %s at its first save; the vault as it was at its last full save is intact, but none of the saves after it can be trusted", what))
	}
	after := fmt.Sprintf("the %d saves after it are", good)
	if good == 1 {
		after = "the save after it is"
	}
	return damaged(fmt.Sprintf("its change journal %s at save %d; the vault as it was at its last full save is intact, and so %s, but nothing after that can be trusted", what, good+1, after))
}

// readJournal reads the records after the base from c (the base's chain)
// and passes each to visit. A last record cut short is dropped and counted
// in torn; any record that fails its check is damage, reported with how
// many before it are good.
func (vf *vaultFile) readJournal(dataKey []byte, start chain, visit func(*record) error) (journalScan, error) {
	s := journalScan{end: vf.bodyEnd, chain: start}
	if vf.h.Version < journalFormat {
		return s, nil
	}
	a, err := chacha20poly1305.NewX(dataKey)
	if err != nil {
		return s, err
	}
	r := bufio.NewReaderSize(io.NewSectionReader(vf.f, vf.bodyEnd, vf.size-vf.bodyEnd), 1<<20)
	var buf []byte
	defer func() { wipe(buf) }()
	head := make([]byte, frameHeadLen)
	for {
		left := vf.size - s.end
		if left == 0 {
			return s, nil
		}
		if left < frameHeadLen {
			s.torn = left
			return s, nil
		}
		if _, err := io.ReadFull(r, head); err != nil {
			return s, fmt.Errorf("could not read the vault: %w", err)
		}
		ctLen := int64(binary.LittleEndian.Uint32(head))
		if frameHeadLen+ctLen > left {
			s.torn = left // the last record was cut off by a crash
			return s, nil
		}
		if ctLen < minRecordCT || ctLen > maxRecordCT {
			return s, journalDamage(s.records, "has a record of impossible length")
		}
		if int64(cap(buf)) < ctLen {
			wipe(buf)
			buf = make([]byte, ctLen)
		}
		ct := buf[:ctLen]
		if _, err := io.ReadFull(r, ct); err != nil {
			return s, fmt.Errorf("could not read the vault: %w", err)
		}
		var tag [tagLen]byte
		copy(tag[:], ct[len(ct)-tagLen:])
		plain, err := a.Open(ct[:0], head[4:], ct, recordAD(&s.chain.id, s.chain.seq, &s.chain.prev, int(ctLen)))
		if err != nil {
			return s, journalDamage(s.records, "fails its authentication check")
		}
		rec, err := parseRecord(plain)
		if err != nil {
			return s, journalDamage(s.records, "has a malformed record")
		}
		if err := visit(rec); err != nil {
			return s, err
		}
		s.records++
		s.end += frameHeadLen + ctLen
		s.chain.seq++
		s.chain.prev = tag
	}
}
