//go:build cgo

package vault

/*
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// The few SQLite declarations used here, as in sqlite3.h. The functions are
// those of the SQLite that github.com/mattn/go-sqlite3 compiles into the
// program; nothing here is a second copy of SQLite.
typedef struct sqlite3 sqlite3;
typedef struct sqlite3_file sqlite3_file;
typedef struct io_methods {
	int iVersion;
	int (*xClose)(sqlite3_file*);
	int (*xRead)(sqlite3_file*, void*, int, int64_t);
	int (*xWrite)(sqlite3_file*, const void*, int, int64_t);
	int (*xTruncate)(sqlite3_file*, int64_t);
	int (*xSync)(sqlite3_file*, int);
	int (*xFileSize)(sqlite3_file*, int64_t*);
	int (*xLock)(sqlite3_file*, int);
	int (*xUnlock)(sqlite3_file*, int);
	int (*xCheckReservedLock)(sqlite3_file*, int*);
	int (*xFileControl)(sqlite3_file*, int, void*);
	int (*xSectorSize)(sqlite3_file*);
	int (*xDeviceCharacteristics)(sqlite3_file*);
	int (*xShmMap)(sqlite3_file*, int, int, int, void volatile**);
	int (*xShmLock)(sqlite3_file*, int, int, int);
	void (*xShmBarrier)(sqlite3_file*);
	int (*xShmUnmap)(sqlite3_file*, int);
	int (*xFetch)(sqlite3_file*, int64_t, int, void**);
	int (*xUnfetch)(sqlite3_file*, int64_t, void*);
} io_methods;
struct sqlite3_file { const io_methods *pMethods; };

extern void *sqlite3_malloc64(uint64_t);
extern void *sqlite3_realloc64(void*, uint64_t);
extern void sqlite3_free(void*);
extern int sqlite3_deserialize(sqlite3*, const char*, unsigned char*, int64_t, int64_t, unsigned);
extern unsigned char *sqlite3_serialize(sqlite3*, const char*, int64_t*, unsigned);
extern int sqlite3_file_control(sqlite3*, const char*, int, void*);

#define FCNTL_FILE_POINTER 7
#define FCNTL_SIZE_LIMIT 36
#define DESERIALIZE_FREEONCLOSE 1
#define DESERIALIZE_RESIZEABLE 2
#define SERIALIZE_NOCOPY 1

// tracker wraps the methods of the in-memory database file and marks every
// page SQLite writes (or cuts off) as dirty, so that a save can seal just
// those pages. Its methods are the first member, so a file's pMethods
// pointer is also the tracker's address.
typedef struct tracker {
	io_methods m;
	const io_methods *orig;
	sqlite3_file *file;
	int64_t pageSize;
	uint8_t *bits;   // one bit per page, page 1 is bit 0
	int64_t nbytes;  // bytes in bits
	int64_t size;    // file size at the last truncate or write
	int all;         // set when a write could not be tracked: everything is dirty
} tracker;

static void tr_mark(tracker *t, int64_t first, int64_t last) {
	if (t->all || first < 0 || last < first) return;
	int64_t need = last / 8 + 1;
	if (need > t->nbytes) {
		int64_t n = t->nbytes ? t->nbytes : 1024;
		while (n < need) n *= 2;
		uint8_t *b = (uint8_t*)sqlite3_realloc64(t->bits, (uint64_t)n);
		if (!b) { t->all = 1; return; }
		memset(b + t->nbytes, 0, (size_t)(n - t->nbytes));
		t->bits = b;
		t->nbytes = n;
	}
	for (int64_t p = first; p <= last; p++) t->bits[p / 8] |= (uint8_t)(1u << (p % 8));
}

static int tr_write(sqlite3_file *f, const void *z, int n, int64_t off) {
	tracker *t = (tracker*)f->pMethods;
	int rc = t->orig->xWrite(f, z, n, off);
	if (n <= 0) return rc;
	if (off % t->pageSize != 0 || n % t->pageSize != 0) { t->all = 1; return rc; }
	tr_mark(t, off / t->pageSize, (off + n - 1) / t->pageSize);
	if (off + n > t->size) t->size = off + n;
	return rc;
}

static int tr_truncate(sqlite3_file *f, int64_t size) {
	tracker *t = (tracker*)f->pMethods;
	int rc = t->orig->xTruncate(f, size);
	// Pages cut off count as changed, so that if the file grows again
	// without SQLite writing every new page, the stale ones are not kept.
	if (t->size > size) tr_mark(t, size / t->pageSize, (t->size - 1) / t->pageSize);
	t->size = size;
	return rc;
}

static int tr_close(sqlite3_file *f) {
	tracker *t = (tracker*)f->pMethods;
	f->pMethods = t->orig;
	int rc = t->orig->xClose(f);
	sqlite3_free(t->bits);
	sqlite3_free(t);
	return rc;
}

// inreach_attach makes buf (allocated with sqlite3_malloc64, cap bytes, the
// first size of them the database) the main database of db, growable and
// freed by SQLite, and starts tracking its writes. On failure buf is freed
// by SQLite (as sqlite3_deserialize does). It returns the tracker, or NULL
// with *rc set.
static tracker *inreach_attach(sqlite3 *db, unsigned char *buf, int64_t size, int64_t cap, int64_t pageSize, int *rc) {
	*rc = sqlite3_deserialize(db, "main", buf, size, cap, DESERIALIZE_FREEONCLOSE | DESERIALIZE_RESIZEABLE);
	if (*rc != 0) return NULL;
	int64_t limit = (int64_t)1 << 42; // memdb's default ceiling is 1 GB
	sqlite3_file_control(db, "main", FCNTL_SIZE_LIMIT, &limit);
	sqlite3_file *f = NULL;
	*rc = sqlite3_file_control(db, "main", FCNTL_FILE_POINTER, &f);
	if (*rc != 0 || f == NULL || f->pMethods == NULL) { if (*rc == 0) *rc = 1; return NULL; }
	tracker *t = (tracker*)sqlite3_malloc64(sizeof(tracker));
	if (!t) { *rc = 7; return NULL; }
	memset(t, 0, sizeof(*t));
	memcpy(&t->m, f->pMethods, sizeof(io_methods) < sizeof(t->m) ? sizeof(io_methods) : sizeof(t->m));
	if (f->pMethods->iVersion < 3) { t->m.xFetch = NULL; t->m.xUnfetch = NULL; }
	t->orig = f->pMethods;
	t->file = f;
	t->m.xWrite = tr_write;
	t->m.xTruncate = tr_truncate;
	t->m.xClose = tr_close;
	t->pageSize = pageSize > 0 ? pageSize : 4096;
	t->size = size;
	f->pMethods = &t->m;
	return t;
}

// inreach_image returns the database's bytes in place (no copy) and its
// size. SQLite hands them out only for a file with memdb's own methods, so
// they are put back for the call.
static unsigned char *inreach_image(sqlite3 *db, tracker *t, int64_t *size) {
	t->file->pMethods = t->orig;
	unsigned char *p = sqlite3_serialize(db, "main", size, SERIALIZE_NOCOPY);
	t->file->pMethods = &t->m;
	return p;
}
*/
import "C"

import (
	"errors"
	"fmt"
	"reflect"
	"unsafe"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// cImage is a buffer in SQLite's memory that becomes the working database.
// Until attach hands it to SQLite, the caller frees it with free.
type cImage struct {
	p    unsafe.Pointer
	size int64 // bytes of database
	cap  int64 // bytes allocated
}

// newCImage allocates a buffer of cap bytes in SQLite's memory.
func newCImage(cap int64) (*cImage, error) {
	if cap < 4096 {
		cap = 4096
	}
	p := C.sqlite3_malloc64(C.uint64_t(cap))
	if p == nil {
		return nil, fmt.Errorf("not enough memory for a database of %d MB", cap>>20)
	}
	return &cImage{p: p, cap: cap}, nil
}

// bytes returns the whole buffer as a slice; valid until free or attach.
func (m *cImage) bytes() []byte { return unsafe.Slice((*byte)(m.p), int(m.cap)) }

// grow makes the buffer at least n bytes, keeping its contents.
func (m *cImage) grow(n int64) error {
	if n <= m.cap {
		return nil
	}
	n += n / 8
	p := C.sqlite3_realloc64(m.p, C.uint64_t(n))
	if p == nil {
		return fmt.Errorf("not enough memory for a database of %d MB", n>>20)
	}
	clear(unsafe.Slice((*byte)(unsafe.Add(p, m.cap)), int(n-m.cap)))
	m.p, m.cap = p, n
	return nil
}

// free wipes and frees the buffer (when it was never attached).
func (m *cImage) free() {
	if m != nil && m.p != nil {
		clear(m.bytes())
		C.sqlite3_free(m.p)
		m.p = nil
	}
}

// pageTracker is the C tracker of one working database.
type pageTracker struct{ t *C.tracker }

// connHandle returns the sqlite3* behind a driver connection. The driver
// does not export it; it is the connection's "db" field.
func connHandle(c *sqlite3.SQLiteConn) (*C.sqlite3, error) {
	f := reflect.ValueOf(c).Elem().FieldByName("db")
	if !f.IsValid() || f.Kind() != reflect.Pointer || f.IsNil() {
		return nil, errors.New("the SQLite driver's connection has changed shape; this build cannot track changes")
	}
	return (*C.sqlite3)(f.UnsafePointer()), nil
}

// attachImage makes img the main database of c (SQLite takes the buffer
// over, even on failure) and returns the tracker of its writes.
func attachImage(c *sqlite3.SQLiteConn, img *cImage, pageSize int64) (*pageTracker, error) {
	db, err := connHandle(c)
	if err != nil {
		img.free()
		return nil, err
	}
	var rc C.int
	t := C.inreach_attach(db, (*C.uchar)(img.p), C.int64_t(img.size), C.int64_t(img.cap), C.int64_t(pageSize), &rc)
	img.p = nil // SQLite owns (or has freed) it now
	if t == nil {
		return nil, fmt.Errorf("the working database could not be set up (SQLite error %d)", int(rc))
	}
	return &pageTracker{t: t}, nil
}

// liveImage returns the working database's bytes in place. The slice is
// valid only while the caller holds the connection and no statement runs.
func liveImage(c *sqlite3.SQLiteConn, t *pageTracker) ([]byte, error) {
	db, err := connHandle(c)
	if err != nil {
		return nil, err
	}
	var n C.int64_t
	p := C.inreach_image(db, t.t, &n)
	if p == nil {
		if n == 0 {
			return nil, nil
		}
		return nil, errors.New("the working database is not where it should be")
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(p)), int(n)), nil
}

// dirty returns the 1-based numbers of the pages written since the last
// take, and whether every page must count as written (a write that could
// not be tracked). clear resets the marks.
func (t *pageTracker) dirty(clearMarks bool) (pages []uint32, all bool) {
	all = t.t.all != 0
	n := int64(t.t.nbytes)
	if n > 0 {
		bits := unsafe.Slice((*byte)(unsafe.Pointer(t.t.bits)), int(n))
		for i, b := range bits {
			if b == 0 {
				continue
			}
			for j := 0; j < 8; j++ {
				if b&(1<<j) != 0 {
					pages = append(pages, uint32(i*8+j+1))
				}
			}
		}
		if clearMarks {
			clear(bits)
		}
	}
	if clearMarks {
		t.t.all = 0
	}
	return pages, all
}

// mark marks pages dirty again (a save that failed), or everything.
func (t *pageTracker) mark(pages []uint32, all bool) {
	if all {
		t.t.all = 1
	}
	for _, p := range pages {
		C.tr_mark(t.t, C.int64_t(p-1), C.int64_t(p-1))
	}
}

// pageSize is the page size the tracker counts in.
func (t *pageTracker) pageSize() int64 { return int64(t.t.pageSize) }
