package fonts

import (
	"bufio"
	"bytes"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// What System found in each font file, kept between runs.
//
// Reading the name tables of a system's fonts is most of what System costs
// (51 files here, 9 % of a check's processor time; a Windows PC has
// hundreds), and they seldom change. Like fontconfig's cache, scanCache
// keeps, for each file, its size, its modification time and the faces
// System found in it; a file whose size and time are as kept is not read
// again. It lives in the user's cache folder (os.UserCacheDir), is written
// whole under a temporary name and renamed into place, only when something
// changed, and is ignored when it cannot be read or parsed, or was written
// for other font folders or another version of the rules (its first line);
// a failure to write it is no failure of the build. The faces found, and so
// the output, are the same with it and without it.

// scanVersion changes when what scanFile finds in a file changes for other
// reasons than the wanted families (which the cache's first line hashes).
const scanVersion = 1

// scanCache is the cache of a System call.
type scanCache struct {
	file   string // where it is kept
	header string // its first line: version, rules, roots
	mu     sync.Mutex
	kept   map[string]cacheEntry // by font file, as read
	now    map[string]cacheEntry // by font file, as found this time
	dirty  bool
}

type cacheEntry struct {
	size, mtime int64
	found       []found
}

// openScanCache reads the cache of the roots from dir; "" for dir: the
// user's cache folder. It returns nil when there is no such folder.
func openScanCache(dir string, roots []string) *scanCache {
	if dir == "" {
		d, err := os.UserCacheDir()
		if err != nil {
			return nil
		}
		dir = filepath.Join(d, "briefing")
	}
	h := fnv.New64a()
	for ri, fams := range wanted {
		for _, f := range fams {
			h.Write([]byte(strconv.Itoa(ri) + strconv.FormatBool(f.heavy)))
			for _, n := range f.names {
				h.Write([]byte("\x00" + n))
			}
		}
	}
	c := &scanCache{
		file:   filepath.Join(dir, "fonts.cache"),
		header: fmt.Sprintf("briefing fonts %d %x %q", scanVersion, h.Sum64(), strings.Join(roots, "\x00")),
		kept:   map[string]cacheEntry{},
		now:    map[string]cacheEntry{},
	}
	if data, err := os.ReadFile(c.file); err == nil {
		c.parse(data)
	}
	return c
}

// scan is scanFile, or what the cache keeps of path when its size and
// modification time are as kept. Safe for concurrent use.
func (c *scanCache) scan(path string) []found {
	if c == nil {
		return scanFile(path)
	}
	info, err := os.Stat(path)
	if err != nil {
		return scanFile(path)
	}
	size, mtime := info.Size(), info.ModTime().UnixNano()
	c.mu.Lock()
	e, ok := c.kept[path]
	c.mu.Unlock()
	if !ok || e.size != size || e.mtime != mtime {
		e = cacheEntry{size: size, mtime: mtime, found: scanFile(path)}
		ok = false
	}
	c.mu.Lock()
	c.now[path] = e
	c.dirty = c.dirty || !ok
	c.mu.Unlock()
	return e.found
}

// save writes the cache when what was found differs from what was kept.
func (c *scanCache) save() {
	if c == nil {
		return
	}
	if !c.dirty && len(c.now) == len(c.kept) {
		return
	}
	var b bytes.Buffer
	b.WriteString(c.header + "\n")
	for path, e := range c.now {
		fmt.Fprintf(&b, "F %q %d %d %d\n", path, e.size, e.mtime, len(e.found))
		for _, f := range e.found {
			fmt.Fprintf(&b, "%d %d %d %q %q %q %q %q %q\n", f.ri, f.rank, f.face.Index,
				f.face.Name, f.face.Family, f.face.FamilyZH, f.face.Path, f.face.file, f.face.source)
		}
	}
	if err := os.MkdirAll(filepath.Dir(c.file), 0o755); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(c.file), "fonts.cache.*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(b.Bytes())
	if cerr := tmp.Close(); werr != nil || cerr != nil || os.Rename(tmp.Name(), c.file) != nil {
		os.Remove(tmp.Name())
	}
}

// parse reads a cache written for the same header; anything else leaves
// it empty.
func (c *scanCache) parse(data []byte) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	if !sc.Scan() || sc.Text() != c.header {
		return
	}
	kept := map[string]cacheEntry{}
	for sc.Scan() {
		f := cacheFields(sc.Text())
		if len(f) != 5 || f[0] != "F" {
			return
		}
		path, err1 := strconv.Unquote(f[1])
		size, err2 := strconv.ParseInt(f[2], 10, 64)
		mtime, err3 := strconv.ParseInt(f[3], 10, 64)
		n, err4 := strconv.Atoi(f[4])
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil || n < 0 || n > 1000 {
			return
		}
		e := cacheEntry{size: size, mtime: mtime}
		for range n {
			if !sc.Scan() {
				return
			}
			fd, ok := parseFound(sc.Text())
			if !ok || fd.face.file != path || fd.face.Path != path && !strings.HasPrefix(fd.face.Path, path+"#") {
				return // a face is only ever of the file it was found in
			}
			e.found = append(e.found, fd)
		}
		kept[path] = e
	}
	if sc.Err() == nil {
		c.kept = kept
	}
}

// parseFound reads a face line of the cache.
func parseFound(line string) (found, bool) {
	f := cacheFields(line)
	if len(f) != 9 {
		return found{}, false
	}
	var fd found
	var nums [3]int
	for i := range nums {
		n, err := strconv.Atoi(f[i])
		if err != nil {
			return found{}, false
		}
		nums[i] = n
	}
	fd.ri, fd.rank, fd.face.Index = nums[0], nums[1], nums[2]
	if fd.ri < 0 || fd.ri >= nRoles || fd.rank < 0 || fd.rank >= len(wanted[fd.ri]) {
		return found{}, false
	}
	dst := []*string{&fd.face.Name, &fd.face.Family, &fd.face.FamilyZH, &fd.face.Path, &fd.face.file, &fd.face.source}
	for i, p := range dst {
		s, err := strconv.Unquote(f[3+i])
		if err != nil {
			return found{}, false
		}
		*p = s
	}
	return fd, true
}

// cacheFields splits a cache line at the spaces outside quotes.
func cacheFields(line string) []string {
	var out []string
	for len(line) > 0 {
		line = strings.TrimLeft(line, " ")
		if line == "" {
			break
		}
		if line[0] == '"' {
			q, err := strconv.QuotedPrefix(line)
			if err != nil {
				return nil
			}
			out = append(out, q)
			line = line[len(q):]
			continue
		}
		i := strings.IndexByte(line, ' ')
		if i < 0 {
			i = len(line)
		}
		out = append(out, line[:i])
		line = line[i:]
	}
	return out
}
