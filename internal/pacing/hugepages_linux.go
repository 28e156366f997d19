//go:build linux && (amd64 || arm64)

package pacing

import (
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"unsafe"
)

// Huge pages for the heap
//
// Each page of memory a process touches for the first time costs a page
// fault; on the virtual machines CI runs on, one costs 10–15 µs, and a
// build of the sample touches some 3,600 pages (a check 2,400): half its
// time. Linux can back memory with 2 MiB pages instead, one fault for 512
// pages, but where it is set to do so only when asked (“madvise”, the
// default of Debian and most distributions) Go does not ask for its heap.
// So the heap is made to grow by HeapRegion at once, the region is let go,
// and Linux is asked to back it with huge pages (MADV_HUGEPAGE): what the
// libraries and the build allocate next comes from it, as the runtime
// gives out the lowest free pages first. Below the region, the memory up
// to the next huge-page boundary is kept allocated and never touched, so
// that the region starts on one.
//
// It is not done where Linux uses huge pages for everything anyway
// (“always”) or never, nor when BRIEFING_HUGEPAGES is 0, off, false or
// no. A process that is
// to run for long (briefing serve) calls LongRunning: there the kernel's
// khugepaged would, over time, fill huge pages of which the heap uses
// little, and the runtime's return of unused memory would be undone.

// HeapRegion is how much of the heap is asked to be backed by huge pages:
// about five times what the sample's build allocates (some 13 MB, its
// libraries' initialisation included). Larger reports grow the heap past
// it in ordinary pages.
const HeapRegion = 64 << 20

// hugeStart and hugeEnd are the addresses of the region advised; equal
// when none was.
var hugeStart, hugeEnd uintptr

// kept holds the padding below the region.
var kept [][]byte

func init() {
	if turnedOff() || thpMode() != "madvise" {
		return
	}
	if size := hugePageSize(); size != 0 && size <= HeapRegion/8 {
		hugeStart, hugeEnd = adviseHeap(size)
	}
}

// adviseHeap makes the heap grow by HeapRegion, lets the region go and
// advises it, in whole huge pages of size, should the padding have gone
// elsewhere. It returns the range advised (empty when madvise failed).
func adviseHeap(size uintptr) (beg, end uintptr) {
	// The region must not start a collection as it is allocated; the one
	// that frees it is started here, with the collector's pace back (were
	// it still off, the heap's goal would be unbounded when the collection
	// ends, and the runtime would put its own bookkeeping on huge pages for
	// good: 2 MB more memory).
	percent := debug.SetGCPercent(-1)
	kept = padTo(size)
	start := uintptr(unsafe.Pointer(unsafe.SliceData(make([]byte, HeapRegion))))
	debug.SetGCPercent(percent)
	runtime.GC() // frees the region: it is no longer referred to
	beg = (start + size - 1) &^ (size - 1)
	end = (start + HeapRegion) &^ (size - 1)
	if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, beg, end-beg, syscall.MADV_HUGEPAGE); errno != 0 {
		return 0, 0
	}
	return beg, end
}

// turnedOff tells whether BRIEFING_HUGEPAGES turns huge pages off.
func turnedOff() bool {
	switch strings.ToLower(strings.TrimSpace(os.Getenv("BRIEFING_HUGEPAGES"))) {
	case "0", "off", "false", "no":
		return true
	}
	return false
}

// padTo allocates what lies between the heap's end and the next multiple
// of size, to be kept: large allocations come from never-used memory,
// which the runtime neither clears nor touches. Its pieces are at least
// 128 KiB, so that they are not given from a processor's small page cache.
func padTo(size uintptr) [][]byte {
	const least = 128 << 10
	probe := make([]byte, least)
	end := uintptr(unsafe.Pointer(unsafe.SliceData(probe))) + least
	pad := (end+size-1)&^(size-1) - end
	if pad < least {
		pad += size
	}
	return [][]byte{probe, make([]byte, pad)}
}

// thpMode is the kernel's setting for transparent huge pages: always,
// madvise or never ("" when unknown).
func thpMode() string {
	b, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil {
		return ""
	}
	s := string(b)
	i, j := strings.IndexByte(s, '['), strings.IndexByte(s, ']')
	if i < 0 || j < i {
		return ""
	}
	return s[i+1 : j]
}

// hugePageSize is the size of a huge page, 0 when unknown.
func hugePageSize() uintptr {
	b, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size")
	if err != nil {
		return 0
	}
	n, err := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64)
	if err != nil || n&(n-1) != 0 {
		return 0
	}
	return uintptr(n)
}

// LongRunning tells that the process is to run for long: the heap's
// region is no longer advised to be backed by huge pages (those it has
// stay until the runtime returns their memory).
func LongRunning() {
	if hugeStart != hugeEnd {
		syscall.Syscall(syscall.SYS_MADVISE, hugeStart, hugeEnd-hugeStart, syscall.MADV_NOHUGEPAGE)
		hugeStart, hugeEnd = 0, 0
	}
}
