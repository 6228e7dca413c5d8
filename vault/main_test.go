package vault

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"testing"
	"time"
)

// The test binary doubles as the child process of the crash and lock tests:
// with childEnv set it plays a role instead of running tests.
const (
	childEnv     = "INREACH_VAULT_TEST_CHILD"
	childPathEnv = "INREACH_VAULT_TEST_PATH"
	exitInUse    = 5
)

func TestMain(m *testing.M) {
	switch os.Getenv(childEnv) {
	case "":
		os.Exit(m.Run())
	case "saver":
		childSaver(os.Getenv(childPathEnv))
	case "holder":
		childHolder(os.Getenv(childPathEnv))
	case "prober":
		childProber(os.Getenv(childPathEnv))
	}
	os.Exit(2)
}

// childSaver opens the vault and, until killed, bumps the counter and saves
// (a journal append), printing "saving N" before each save and "saved N"
// after it; after every third save it compacts the journal, printing
// "compacting N" and "compacted N".
func childSaver(path string) {
	v, err := Open(path, testPass, testOpts())
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	fmt.Println("ready")
	for {
		n, err := crashState(v)
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		n++
		if err := setCrashState(v, n); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Printf("saving %d\n", n)
		if err := v.Save(); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Printf("saved %d\n", n)
		if n%3 == 0 {
			fmt.Printf("compacting %d\n", n)
			if err := v.Compact(); err != nil {
				fmt.Println("error", err)
				os.Exit(1)
			}
			fmt.Printf("compacted %d\n", n)
		}
	}
}

// childHolder opens the vault for writing and waits to be killed.
func childHolder(path string) {
	_, err := Open(path, testPass, testOpts())
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	fmt.Println("ready")
	time.Sleep(time.Minute)
	os.Exit(1)
}

// childProber tries to open the vault for writing once.
func childProber(path string) {
	v, err := Open(path, testPass, testOpts())
	switch {
	case errors.Is(err, ErrInUse):
		os.Exit(exitInUse)
	case err != nil:
		fmt.Println("error", err)
		os.Exit(1)
	}
	v.Close()
	os.Exit(0)
}

// crashState reads the counter the saver child keeps: notes 1 and 2 and the
// number of tags rows all equal N when the database is consistent.
func crashState(v *Vault) (int, error) {
	var a, b string
	var tags int
	db := v.DB()
	if err := db.QueryRow(`SELECT body FROM notes WHERE id = 1`).Scan(&a); err != nil {
		return 0, err
	}
	if err := db.QueryRow(`SELECT body FROM notes WHERE id = 2`).Scan(&b); err != nil {
		return 0, err
	}
	if err := db.QueryRow(`SELECT count(*) FROM tags`).Scan(&tags); err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(a)
	if err != nil || a != b || tags != n {
		return 0, fmt.Errorf("inconsistent state: %q %q %d", a, b, tags)
	}
	return n, nil
}

// setCrashState moves the counter to n in one transaction.
func setCrashState(v *Vault, n int) error {
	tx, err := v.DB().Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, id := range []int{1, 2} {
		if _, err := tx.Exec(`UPDATE notes SET body = ? WHERE id = ?`, strconv.Itoa(n), id); err != nil {
			return err
		}
	}
	if n > 0 { // one tags row per step, so the count equals n
		if _, err := tx.Exec(`INSERT INTO tags (note_id, tag) VALUES (1, ?)`, strconv.Itoa(n)); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// child is a running child process and what it has printed so far.
type child struct {
	cmd   *exec.Cmd
	mu    sync.Mutex
	lines []string
	ready chan struct{}
	done  chan struct{}
}

// startChild runs the test binary in a role against the vault at path.
func startChild(t *testing.T, role, path string) *child {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+role, childPathEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &child{cmd: cmd, ready: make(chan struct{}), done: make(chan struct{})}
	go c.read(out)
	return c
}

func (c *child) read(r io.Reader) {
	defer close(c.done)
	sc := bufio.NewScanner(r)
	readyClosed := false
	for sc.Scan() {
		line := sc.Text()
		c.mu.Lock()
		c.lines = append(c.lines, line)
		c.mu.Unlock()
		if line == "ready" && !readyClosed {
			close(c.ready)
			readyClosed = true
		}
	}
}

// kill SIGKILLs the child, waits for its output to end, and reaps it. The
// output is read to its end first: Wait closes the pipe, and a line still
// in the pipe when it does (the "saving N" of the save the kill cut short)
// would be lost, making a state the child was writing look never saved.
func (c *child) kill() {
	c.cmd.Process.Kill()
	<-c.done
	c.cmd.Wait()
}

func (c *child) output() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.lines...)
}
