package fonts

import (
	"bytes"
	"encoding/binary"
	"os"
	"strings"
	"testing"
)

func TestEmbedded(t *testing.T) {
	readme := string(README())
	for _, name := range Files() {
		b := Bytes(name)
		disk, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b, disk) {
			t.Errorf("%s: embedded bytes differ from the file", name)
		}
		if len(b) < 100000 || binary.BigEndian.Uint32(b) != 0x00010000 {
			t.Errorf("%s: not a TrueType file (%d bytes)", name, len(b))
		}
		if l, err := License(name); err != nil || !strings.Contains(strings.ToLower(string(l)), "licen") {
			t.Errorf("%s: licence: %v", name, err)
		}
		if !strings.Contains(readme, "`"+name+"`") {
			t.Errorf("README.md does not list %s", name)
		}
	}
	if !bytes.Equal(Song(), Bytes(SongFile)) || !bytes.Equal(Kai(), Bytes(KaiFile)) || !bytes.Equal(Hei(), Bytes(HeiFile)) || !bytes.Equal(Latin(), Bytes(LatinFile)) {
		t.Error("named accessors disagree with Bytes")
	}
	if Bytes("nope.ttf") != nil {
		t.Error("Bytes of an unknown file")
	}
	if _, err := License("nope.ttf"); err == nil {
		t.Error("License of an unknown file")
	}
}
