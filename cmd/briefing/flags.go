package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"briefing/internal/oserr"
)

// command is a subcommand's flag set with a Chinese usage text.
type command struct {
	*flag.FlagSet
	synopsis string
	about    string
}

func newCommand(name, synopsis, about string) *command {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &command{FlagSet: fs, synopsis: synopsis, about: about}
}

func (c *command) usage(w io.Writer) {
	fmt.Fprintf(w, "用法：%s\n\n%s\n", c.synopsis, c.about)
	var b strings.Builder
	c.VisitAll(func(f *flag.Flag) {
		name, help := flag.UnquoteUsage(f)
		if name != "" {
			name = " " + name
		}
		fmt.Fprintf(&b, "  -%s%s\n        %s", f.Name, name, help)
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "[]" {
			fmt.Fprintf(&b, "（默认 %s）", f.DefValue)
		}
		b.WriteString("\n")
	})
	if b.Len() > 0 {
		fmt.Fprintf(w, "\n选项：\n%s", b.String())
	}
}

// parse parses args, allowing flags after the positional arguments
// (briefing build 情况汇报 -o 输出). It returns the positional arguments, or
// an exit status when the command should stop: 0 after -h, exitUsage after
// a wrong flag or more than maxArgs arguments (maxArgs < 0: any number).
func (c *command) parse(args []string, stdout, stderr io.Writer, maxArgs int) ([]string, int, bool) {
	var pos []string
	for {
		if err := c.Parse(args); err != nil {
			if err == flag.ErrHelp {
				c.usage(stdout)
				return nil, exitOK, false
			}
			fmt.Fprintf(stderr, "错误：%s\n\n", flagMessage(err))
			c.usage(stderr)
			return nil, exitUsage, false
		}
		args = c.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	if maxArgs >= 0 && len(pos) > maxArgs {
		return nil, c.extraArgs(pos[maxArgs:], stderr), false
	}
	return pos, 0, true
}

// extraArgs refuses arguments the command has no use for.
func (c *command) extraArgs(extra []string, stderr io.Writer) int {
	fmt.Fprintf(stderr, "错误：多余的参数：%s\n\n", oserr.Escape(strings.Join(extra, " ")))
	c.usage(stderr)
	return exitUsage
}

// flagMessage translates the flag package's errors, escaping the control
// characters of what the user typed.
func flagMessage(err error) string {
	msg := oserr.Escape(err.Error())
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		return "不认识的选项 " + strings.TrimPrefix(msg, "flag provided but not defined: ")
	case strings.HasPrefix(msg, "flag needs an argument: "):
		return "选项 " + strings.TrimPrefix(msg, "flag needs an argument: ") + " 后面需要一个值"
	case strings.HasPrefix(msg, "invalid value "):
		return "选项的值不对：" + strings.TrimPrefix(msg, "invalid value ")
	case strings.HasPrefix(msg, "invalid boolean value "):
		return "选项的值应为 true 或 false：" + strings.TrimPrefix(msg, "invalid boolean value ")
	}
	return msg
}

// fontFlags collects -font ROLE=FILE.
type fontFlags []string

func (f *fontFlags) String() string     { return strings.Join(*f, ",") }
func (f *fontFlags) Set(s string) error { *f = append(*f, s); return nil }
