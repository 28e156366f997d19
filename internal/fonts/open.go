package fonts

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"briefing/internal/inputfile"
	"briefing/internal/oserr"
)

// MaxFileSize is the largest font file briefing reads, 64 MB. The fonts of
// a 公文 take a few MB to a few tens (宋体, simsun.ttc, 18 MB); a larger
// file is refused rather than read into memory.
const MaxFileSize = 64 << 20

// openFont opens a font file for reading without waiting and returns it
// with its size. A directory, a FIFO, a device, an empty file and a file
// over MaxFileSize are refused; the errors are in Chinese and name path.
func openFont(path string) (*os.File, int64, error) {
	f, size, err := inputfile.Open(path, MaxFileSize)
	var refused *inputfile.Error
	switch {
	case errors.As(err, &refused):
		return nil, 0, refusal(path, refused)
	case err != nil:
		return nil, 0, openError(path, err)
	case size == 0:
		f.Close()
		return nil, 0, fmt.Errorf("字体文件 %s 是空的（0 字节），请换一个字体文件或不用 -font", oserr.Path(path))
	}
	return f, size, nil
}

// readFont is the operation of reading a font file, for messages.
const readFont = "读取字体文件"

// openError words a font file that cannot be opened.
func openError(path string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("找不到字体文件 %s：%s", oserr.Path(path), oserr.Reason(oserr.Read, path, err))
	}
	return oserr.New(readFont, path, err)
}

// refusal words a font file that is not a font file of a reasonable size.
func refusal(path string, e *inputfile.Error) error {
	p := oserr.Path(path)
	switch e.Err {
	case inputfile.ErrDir:
		return fmt.Errorf("字体文件 %s 是一个目录，请指定目录中的一个字体文件（.ttf、.ttc）", p)
	case inputfile.ErrTooBig:
		return fmt.Errorf("字体文件 %s 有 %d MB，超过了 %d MB 的上限，请换一个字体文件", p, e.Size>>20, MaxFileSize>>20)
	}
	return fmt.Errorf("字体文件 %s 不是普通文件（而是设备、管道之类），读不出字体，请指定一个 .ttf 或 .ttc 文件", p)
}

// readFontFile reads a whole font file, within the bounds of openFont.
func readFontFile(path string) ([]byte, error) {
	f, size, err := openFont(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, oserr.New(readFont, path, err)
	}
	if int64(len(data)) != size {
		return nil, damaged(path, "字形表")
	}
	return data, nil
}

// damaged is the message for a font file that is cut short or corrupt;
// what is the part that cannot be read.
func damaged(path, what string) error {
	return fmt.Errorf("字体文件 %s 已损坏或不完整（无法读取%s），请换一个字体文件或不用 -font", oserr.Path(path), what)
}
