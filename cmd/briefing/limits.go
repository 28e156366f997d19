package main

import (
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"briefing/internal/fill"
	"briefing/internal/oserr"
	"briefing/internal/report"
)

// readFlags are the flags that bound what a report may read and take:
// -root, -max-output, -max-loops, -max-time.
type readFlags struct {
	root   *string
	output sizeFlag
	loops  *int
	time   durationFlag
}

// addReadFlags adds the flags to a command.
func addReadFlags(c *command) *readFlags {
	r := &readFlags{output: sizeFlag(fill.DefaultLimits.Output), time: durationFlag(fill.DefaultLimits.Time)}
	r.root = c.String("root", "", "报告可以读取文件的`目录`（章节、短语、图片、工作簿都须在其中）；默认为报告目录，以及它所在文件夹的 templates、sections、samples")
	r.addLimits(c)
	return r
}

// addLimitFlags adds the flags of the fill's limits only (no -root).
func addLimitFlags(c *command) *readFlags {
	none := ""
	r := &readFlags{root: &none, output: sizeFlag(fill.DefaultLimits.Output), time: durationFlag(fill.DefaultLimits.Time)}
	r.addLimits(c)
	return r
}

func (r *readFlags) addLimits(c *command) {
	c.Var(&r.output, "max-output", "填充模板写出的内容的`上限`，如 32MB")
	r.loops = c.Int("max-loops", fill.DefaultLimits.Loops, "模板中循环（range）一共可以转的`轮数`")
	c.Var(&r.time, "max-time", "填充模板的`时间`上限，如 30s、2m")
}

// check refuses a -root that is not a directory: a report could read
// nothing under it.
func (r *readFlags) check() error {
	if *r.root == "" {
		return nil
	}
	st, err := os.Stat(*r.root)
	if err != nil {
		return fmt.Errorf("-root %s", oserr.Message("读取目录", *r.root, err))
	}
	if !st.IsDir() {
		return fmt.Errorf("-root 应是一个目录，%s 不是目录", oserr.Path(*r.root))
	}
	return nil
}

// limits are the limits of the fill the flags ask for.
func (r *readFlags) limits() report.Limits {
	return report.Limits{Output: int(r.output), Loops: *r.loops, Time: time.Duration(r.time)}
}

// loadOptions are the options of report.Load the flags ask for.
func (r *readFlags) loadOptions() []report.LoadOption {
	opts := []report.LoadOption{report.WithLimits(r.limits())}
	if *r.root != "" {
		opts = append(opts, report.WithRoot(*r.root))
	}
	return opts
}

// sizeFlag is a number of bytes written as 32MB, 512KB, 1GB or bytes.
type sizeFlag int

func (s *sizeFlag) String() string {
	if *s%(1<<20) == 0 {
		return strconv.Itoa(int(*s)>>20) + "MB"
	}
	return strconv.Itoa(int(*s))
}

func (s *sizeFlag) Set(v string) error {
	u := strings.ToUpper(strings.TrimSpace(v))
	mult := 1
	for _, m := range []struct {
		suffix string
		n      int
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(u, m.suffix) {
			u, mult = strings.TrimSuffix(u, m.suffix), m.n
			break
		}
	}
	// At most 1 TB, and what an int holds (2 GB on 32-bit Windows).
	const most = min(1<<40, math.MaxInt)
	n, err := strconv.Atoi(strings.TrimSpace(u))
	if err != nil || n <= 0 {
		return fmt.Errorf("“%s”不是一个大小，应写作 32MB、512KB 这样", v)
	}
	if n > most/mult {
		limit := strconv.Itoa(most>>20) + "MB" // 2047MB on 32-bit Windows
		if most%(1<<30) == 0 {
			limit = strconv.Itoa(most>>30) + "GB"
		}
		return fmt.Errorf("“%s”太大：最多 %s", v, limit)
	}
	*s = sizeFlag(n * mult)
	return nil
}

// durationFlag is a time written as 30s, 2m, or seconds.
type durationFlag time.Duration

func (d *durationFlag) String() string { return time.Duration(*d).String() }

func (d *durationFlag) Set(v string) error {
	v = strings.NewReplacer("秒", "s", "分钟", "m", "分", "m").Replace(strings.TrimSpace(v))
	if _, err := strconv.Atoi(v); err == nil {
		v += "s"
	}
	t, err := time.ParseDuration(v)
	if err != nil || t <= 0 {
		return fmt.Errorf("“%s”不是一段时间，应写作 30s、2m 这样", v)
	}
	*d = durationFlag(t)
	return nil
}
