// Package oserr turns the errors of the operating system into Chinese
// sentences for clerks: what could not be done to which file, why, and what
// to do about it.
//
//	无法写入 out/情况汇报.pdf：磁盘已满，请腾出磁盘空间后再试，或换一个磁盘
//
// A message names the path the caller gives, the user's own file, never the
// path inside the error (which may be a temporary file's); it names it once,
// and a part of it only when that part is the cause (其中的 a/b 是一个文件，
// 不是目录). No English text of the system is ever shown: an error the
// package does not know is reported by its code. Paths are shown with
// control characters escaped and, beyond 80 characters, shortened in the
// middle (see Path).
package oserr

import (
	"errors"
	"strings"
)

// Operations, as a message words them. Message takes any verb; these are the
// ones the program uses.
const (
	Read      = "读取"
	Open      = "打开"
	Write     = "写入"
	CreateDir = "创建目录"
	Replace   = "替换"
)

// Error is an error of the system met while doing Op to Path; its text is
// Message(Op, Path, Err).
type Error struct {
	Op   string // 读取, 写入, 创建目录…
	Path string // the user's file (not a temporary one)
	Err  error  // what the system said
}

// Error returns the Chinese message.
func (e *Error) Error() string { return Message(e.Op, e.Path, e.Err) }

// Unwrap returns the system's error, for errors.Is and errors.As.
func (e *Error) Unwrap() error { return e.Err }

// New returns err as an *Error, or nil when err is nil.
func New(op, path string, err error) error {
	if err == nil {
		return nil
	}
	return &Error{Op: op, Path: path, Err: err}
}

// Message says, in one Chinese sentence without a final full stop, that op
// on path failed because of err and what to do: 无法{op} {path}：{reason}.
func Message(op, path string, err error) string {
	return "无法" + op + " " + Path(path) + "：" + Reason(op, path, err)
}

// Reason is the part of Message after the colon: why op on path failed and
// what to do, naming a part of path only when that part is the cause.
func Reason(op, path string, err error) string {
	k := classify(err)
	switch k {
	case kindNotExist, kindNotDir, kindExist, kindLoop:
		if r, ok := placeReason(op, path, k); ok {
			return r
		}
	}
	if k == kindUnknown {
		return unknownReason(err)
	}
	if k == kindPermission && writing(op) && strings.Contains(op, "目录") {
		return "没有在这里创建目录的权限，请换一个位置，或请管理员开放权限"
	}
	return reasons[k].say(writing(op))
}

// writing tells whether op changes the disk (写入, 创建目录, 替换…) rather
// than reads it: the advice differs.
func writing(op string) bool {
	for _, w := range []string{"写", "创建", "替换", "改名", "删除", "保存", "生成"} {
		if strings.Contains(op, w) {
			return true
		}
	}
	return false
}

// Is tells whether err is, or wraps, an *Error.
func Is(err error) bool {
	var e *Error
	return errors.As(err, &e)
}
