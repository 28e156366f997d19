//go:build linux && (amd64 || arm64)

package pacing

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// TestHeapOnHugePages: memory allocated after package pacing initialises
// comes from the region it advised for huge pages.
func TestHeapOnHugePages(t *testing.T) {
	if turnedOff() || thpMode() != "madvise" {
		t.Skipf("transparent huge pages are %q here, or turned off", thpMode())
	}
	if hugeStart == hugeEnd {
		t.Fatal("no region was advised")
	}
	if hugeStart%hugePageSize() != 0 || hugeEnd-hugeStart < HeapRegion-hugePageSize() {
		t.Errorf("region %#x–%#x: not whole huge pages, or smaller than HeapRegion", hugeStart, hugeEnd)
	}
	b := make([]byte, 4<<20)
	for i := range b {
		b[i] = 1
	}
	at := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	if at < hugeStart || at+uintptr(len(b)) > hugeEnd {
		t.Fatalf("4 MiB allocated at %#x, outside the region %#x–%#x", at, hugeStart, hugeEnd)
	}
	flags, huge := mapping(t, at)
	if !strings.Contains(" "+flags+" ", " hg ") {
		t.Errorf("the mapping of %#x is not advised for huge pages: VmFlags %s", at, flags)
	}
	if huge < 2048 {
		// Advised is what briefing controls; whether the kernel has a
		// free huge page to give depends on its memory's fragmentation.
		t.Logf("the mapping of %#x holds %d kB of huge pages after 4 MiB were written", at, huge)
	}
}

// mapping reads /proc/self/smaps for the mapping that holds addr: its
// VmFlags and its AnonHugePages in kB.
func mapping(t *testing.T, addr uintptr) (flags string, hugeKB int) {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	in := false
	s := bufio.NewScanner(f)
	for s.Scan() {
		line := s.Text()
		if lo, hi, ok := rangeOf(line); ok {
			if in {
				break
			}
			in = lo <= addr && addr < hi
			continue
		}
		if !in {
			continue
		}
		if v, ok := strings.CutPrefix(line, "AnonHugePages:"); ok {
			hugeKB, _ = strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
		}
		if v, ok := strings.CutPrefix(line, "VmFlags:"); ok {
			flags = strings.TrimSpace(v)
		}
	}
	if !in {
		t.Fatalf("no mapping holds %#x", addr)
	}
	return flags, hugeKB
}

// rangeOf reads the address range at the start of a mapping's first line.
func rangeOf(line string) (lo, hi uintptr, ok bool) {
	r, _, _ := strings.Cut(line, " ")
	a, b, found := strings.Cut(r, "-")
	if !found {
		return 0, 0, false
	}
	x, err1 := strconv.ParseUint(a, 16, 64)
	y, err2 := strconv.ParseUint(b, 16, 64)
	return uintptr(x), uintptr(y), err1 == nil && err2 == nil
}

// TestHugePagesTurnedOff: BRIEFING_HUGEPAGES=0 (or off, false, no)
// advises nothing; another value leaves them on.
func TestHugePagesTurnedOff(t *testing.T) {
	if os.Getenv("PACING_REPORT_REGION") == "1" {
		fmt.Printf("region %d\n", hugeEnd-hugeStart)
		return
	}
	for _, v := range []string{"0", "off", " OFF", "false", "No"} {
		if out := region(t, v); !strings.Contains(out, "region 0\n") {
			t.Errorf("a region was advised with BRIEFING_HUGEPAGES=%q:\n%s", v, out)
		}
	}
	if thpMode() == "madvise" {
		if out := region(t, "1"); strings.Contains(out, "region 0\n") {
			t.Errorf("no region was advised with BRIEFING_HUGEPAGES=1:\n%s", out)
		}
	}
}

// region runs this test binary with BRIEFING_HUGEPAGES=v and returns what
// it says of the region.
func region(t *testing.T, v string) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHugePagesTurnedOff$", "-test.v")
	cmd.Env = append(os.Environ(), "PACING_REPORT_REGION=1", "BRIEFING_HUGEPAGES="+v)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return string(out)
}

// TestLongRunning: once LongRunning is called the region is no longer
// advised (VmFlags nh: no huge pages).
func TestLongRunning(t *testing.T) {
	if os.Getenv("PACING_LONG_RUNNING") == "1" {
		at := hugeStart
		LongRunning()
		flags, _ := mapping(t, at)
		fmt.Printf("flags %s|region %d\n", flags, hugeEnd-hugeStart)
		return
	}
	if turnedOff() || thpMode() != "madvise" {
		t.Skipf("transparent huge pages are %q here, or turned off", thpMode())
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestLongRunning$", "-test.v")
	cmd.Env = append(os.Environ(), "PACING_LONG_RUNNING=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if !strings.Contains(string(out), " nh") || strings.Contains(string(out), " hg ") || !strings.Contains(string(out), "|region 0\n") {
		t.Errorf("the region is still advised after LongRunning:\n%s", out)
	}
}
