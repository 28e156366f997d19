package oserr

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"syscall"
)

// kind is what went wrong, whatever the system and its error code.
type kind int

const (
	kindUnknown kind = iota
	kindNotExist
	kindNotDir
	kindExist
	kindLoop
	kindPermission
	kindReadOnly
	kindNoSpace
	kindNameTooLong
	kindIsDir
	kindBusy
	kindBadName
	kindIO
	kindNotReady
	kindTooManyFiles
	kindTooLarge
	kindTruncated
)

// errnoKinds maps the codes every system shares (on Windows, the values
// Go invents for them); errno_windows.go adds Windows' own codes.
var errnoKinds = map[syscall.Errno]kind{
	syscall.ENOENT:       kindNotExist,
	syscall.ENOTDIR:      kindNotDir,
	syscall.EEXIST:       kindExist,
	syscall.ELOOP:        kindLoop,
	syscall.EACCES:       kindPermission,
	syscall.EPERM:        kindPermission,
	syscall.EROFS:        kindReadOnly,
	syscall.ENOSPC:       kindNoSpace,
	syscall.EDQUOT:       kindNoSpace,
	syscall.ENAMETOOLONG: kindNameTooLong,
	syscall.EISDIR:       kindIsDir,
	syscall.EBUSY:        kindBusy,
	syscall.ETXTBSY:      kindBusy,
	syscall.EIO:          kindIO,
	syscall.ENXIO:        kindNotReady,
	syscall.ENODEV:       kindNotReady,
	syscall.EMFILE:       kindTooManyFiles,
	syscall.ENFILE:       kindTooManyFiles,
	syscall.EFBIG:        kindTooLarge,
	syscall.EINVAL:       kindBadName, // a path with NUL, or a character the file system refuses
}

// classify finds what went wrong: by the system's code first, then by the
// portable errors of package fs and io.
func classify(err error) kind {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		if k, ok := errnoKinds[errno]; ok {
			return k
		}
		if k, ok := systemKinds[uintptr(errno)]; ok {
			return k
		}
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return kindNotExist
	case errors.Is(err, fs.ErrExist):
		return kindExist
	case errors.Is(err, fs.ErrPermission):
		return kindPermission
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return kindTruncated
	}
	return kindUnknown
}

// reason is what a kind of error means, and the advice when reading and
// when writing.
type reason struct {
	what      string
	readTip   string
	writeTip  string
	sameTip   bool // readTip serves both
	writeWhat string
}

// say puts the reason and the advice together.
func (r reason) say(write bool) string {
	what, tip := r.what, r.readTip
	if write && !r.sameTip {
		tip = r.writeTip
	}
	if write && r.writeWhat != "" {
		what = r.writeWhat
	}
	return what + "，" + tip
}

var reasons = map[kind]reason{
	kindNotExist: {what: "没有这个文件", readTip: "请检查文件名和位置", writeWhat: "找不到这个位置（所在的目录可能已被删除或改名）", writeTip: "请检查路径"},
	kindNotDir:   {what: "路径中有一部分是文件而不是目录", readTip: "请检查路径", sameTip: true},
	kindExist:    {what: "已有一个同名的文件", readTip: "请换一个名字，或把那个文件移走", sameTip: true},
	kindLoop:     {what: "路径中有循环指向自己的链接（快捷方式）", readTip: "请检查链接", sameTip: true},
	kindPermission: {what: "没有读取的权限", readTip: "请检查文件的权限，或把它复制到自己的文件夹中再试",
		writeWhat: "没有写入的权限，或文件正在其他程序中打开", writeTip: "请关闭打开它的程序，或换一个输出目录（-o），或请管理员开放权限"},
	kindReadOnly:     {what: "所在的磁盘是只读的（或有写保护）", readTip: "请换一个可以写入的位置", sameTip: true},
	kindNoSpace:      {what: "磁盘已满", readTip: "请腾出磁盘空间后再试，或换一个磁盘", sameTip: true},
	kindNameTooLong:  {what: "名字太长（路径中有一段超过了系统允许的长度，一般是 255 个字节，约 85 个汉字）", readTip: "请换一个短一些的名字", sameTip: true},
	kindIsDir:        {what: "它是一个目录，不是文件", readTip: "请指定目录中的文件", writeTip: "请把这个目录移走或改名"},
	kindBusy:         {what: "文件正被其他程序使用（例如在 PDF 阅读器或浏览器中打开）", readTip: "请关闭那个程序后再试", sameTip: true},
	kindBadName:      {what: "名字中有系统不允许的字符（如 < > : \" / \\ | ? * 或控制字符）", readTip: "请换一个名字", sameTip: true},
	kindIO:           {what: "读写磁盘时出错，磁盘可能已损坏或已被拔出", readTip: "请检查磁盘后再试，或换一个位置", sameTip: true},
	kindNotReady:     {what: "设备没有准备好（例如 U 盘或网络盘已断开）", readTip: "请检查后再试", sameTip: true},
	kindTooManyFiles: {what: "同时打开的文件太多", readTip: "请关闭一些程序后再试", sameTip: true},
	kindTooLarge:     {what: "文件太大，超过了磁盘或系统允许的大小", readTip: "请换一个磁盘", sameTip: true},
	kindTruncated:    {what: "文件不完整（读到一半就结束了），可能已损坏", readTip: "请换一个完整的文件", sameTip: true},
}

// unknownReason words an error the package does not know: by its code when
// the system gave one, never by the system's (English) text.
func unknownReason(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return fmt.Sprintf("系统报告了错误（代码 %d），请检查这个位置能否访问，或换一个位置", uintptr(errno))
	}
	return "原因不明，请检查这个位置能否访问，或换一个位置"
}
