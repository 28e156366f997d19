package oserr

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
)

// trouble is what stands in the way at one place of a path.
type trouble int

const (
	fine     trouble = iota
	missing          // nothing there
	dangling         // a link to nothing
	looping          // a link that leads back to itself
	aFile            // a file where a directory is needed
)

// culprit walks path from its root and returns the first place that is in
// the way: missing, a dangling link, a loop of links, or a file where the
// path goes on below it. The last place counts as a file only for wantDir.
func culprit(path string, wantDir bool) (string, trouble) {
	clean := filepath.Clean(path)
	vol := filepath.VolumeName(clean)
	place := vol
	parts := strings.Split(clean[len(vol):], string(filepath.Separator))
	for i, part := range parts {
		if part == "" {
			if i == 0 {
				place += string(filepath.Separator)
			}
			continue
		}
		place = filepath.Join(place, part)
		last := i == len(parts)-1
		if t := troubleAt(place, !last || wantDir); t != fine {
			return place, t
		}
	}
	return clean, fine
}

// troubleAt says what is wrong with one place of a path.
func troubleAt(place string, needDir bool) trouble {
	info, err := os.Stat(place)
	switch {
	case err == nil && needDir && !info.IsDir():
		return aFile
	case err == nil:
		return fine
	case classify(err) == kindLoop:
		return looping
	case errors.Is(err, os.ErrNotExist):
		if _, lerr := os.Lstat(place); lerr == nil {
			return dangling
		}
		return missing
	}
	return fine
}

// placeReason words an error about where a file is: the path itself or one
// of the directories above it is missing, a file, or a link that goes
// nowhere. ok is false when the disk no longer shows the cause.
func placeReason(op, path string, k kind) (string, bool) {
	wantDir := strings.Contains(op, "目录")
	place, t := culprit(path, wantDir)
	if t == fine {
		return "", false
	}
	self := filepath.Clean(place) == filepath.Clean(path)
	if self {
		return selfReason(op, t), true
	}
	return aboveReason(place, t), true
}

// selfReason words the trouble of the path itself.
func selfReason(op string, t trouble) string {
	switch t {
	case aFile:
		return "已有一个同名的文件，它不是目录，请换一个目录名，或把这个文件移走"
	case dangling:
		return "它是一个链接（快捷方式），指向的位置不存在，请检查链接"
	case looping:
		return "它是一个循环指向自己的链接（快捷方式），请检查链接"
	}
	return reasons[kindNotExist].say(writing(op))
}

// aboveReason words the trouble of a directory above the path.
func aboveReason(place string, t trouble) string {
	p := Path(place)
	switch t {
	case aFile:
		return "其中的 " + p + " 是一个文件，不是目录，请检查路径，或把这个文件移走"
	case dangling:
		return "其中的 " + p + " 是一个链接（快捷方式），指向的位置不存在，请检查链接"
	case looping:
		return "其中的 " + p + " 是一个循环指向自己的链接（快捷方式），请检查链接"
	}
	return "其中的目录 " + p + " 不存在，请检查路径"
}
