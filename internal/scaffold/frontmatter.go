package scaffold

import (
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"briefing/internal/report"
)

// Folders of the new report type: the templates (sections and phrase
// files) and the contents of attachments.
const (
	sectionsDir    = "章节"
	attachmentsDir = "附件"
)

// plan is what the new folder takes from the report it is made from.
type plan struct {
	report []byte     // report.md, its paths rewritten
	copies []copyFile // the files it names
}

// copyFile is a file to copy: from is relative to the old report's
// folder, as its report.md names it; to is relative to the new one.
type copyFile struct{ from, to string }

// pathRef is a path in the front matter: its line in report.md and value.
type pathRef struct {
	line   int
	value  string
	folder string // the new folder's subfolder for it; "" for the workbook
}

var frontRE = regexp.MustCompile(`(?s)\A\x{FEFF}?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\z)`)

// planFiles reads report.md and plans the new folder.
func planFiles(src []byte) (*plan, error) {
	m := frontRE.FindSubmatchIndex(src)
	if m == nil {
		return nil, errors.New("report.md 没有前置信息")
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src[m[2]:m[3]], &doc); err != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, errors.New("report.md 的前置信息写得不对，请先用 briefing check 检查它")
	}
	refs := pathRefs(doc.Content[0])
	lines := strings.SplitAfter(string(src), "\n")
	p := &plan{}
	taken := map[string]bool{}
	hasData := false
	for _, r := range refs {
		to := WorkbookName
		if r.folder == "" {
			hasData = true
		} else {
			to = uniqueName(r.folder, path.Base(filepath.ToSlash(r.value)), taken)
			p.copies = append(p.copies, copyFile{from: r.value, to: to})
		}
		i := r.line - 1
		if i < 0 || i >= len(lines) || !strings.Contains(lines[i], r.value) {
			return nil, fmt.Errorf("report.md 第%d行：无法改写路径“%s”", r.line, r.value)
		}
		lines[i] = strings.Replace(lines[i], r.value, to, 1)
	}
	p.report = []byte(rewriteHead(lines, hasData))
	return p, nil
}

// pathRefs finds the paths of the front matter: 数据, 章节, 短语 and the
// 内容 of attachments. Lines are report.md's (the front matter starts on
// its second line).
func pathRefs(top *yaml.Node) []pathRef {
	var refs []pathRef
	add := func(n *yaml.Node, folder string) {
		if n.Kind == yaml.ScalarNode && strings.TrimSpace(n.Value) != "" {
			refs = append(refs, pathRef{line: n.Line + 1, value: n.Value, folder: folder})
		}
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i].Value, top.Content[i+1]
		switch k {
		case "数据":
			add(v, "")
		case "章节", "短语":
			add(v, sectionsDir)
			for _, item := range v.Content {
				add(item, sectionsDir)
			}
		case "附件":
			for _, item := range v.Content {
				for j := 0; j+1 < len(item.Content); j += 2 {
					if item.Content[j].Value == "内容" {
						add(item.Content[j+1], attachmentsDir)
					}
				}
			}
		}
	}
	return refs
}

// uniqueName is folder/name, numbered when another file has that name.
func uniqueName(folder, name string, taken map[string]bool) string {
	ext := path.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	to := folder + "/" + name
	for n := 2; taken[to]; n++ {
		to = folder + "/" + stem + strconv.Itoa(n) + ext
	}
	taken[to] = true
	return to
}

// rewriteHead says where the report type came from at the top of the front
// matter and, when it named no workbook, names the starter workbook.
func rewriteHead(lines []string, hasData bool) string {
	note := "# 由 briefing init 生成：数值填在 " + WorkbookName + " 中，各部分的文字在 " + sectionsDir + "/ 中。\n"
	out := append([]string{lines[0], note}, lines[1:]...)
	if !hasData {
		for i := 2; i < len(out); i++ {
			if strings.HasPrefix(strings.TrimSpace(out[i]), "---") {
				out = append(out[:i], append([]string{"数据: " + WorkbookName + "\n"}, out[i:]...)...)
				break
			}
		}
	}
	return strings.Join(out, "")
}

// copies reads the files the plan copies from rep and returns the new
// folder's files, report.md first.
func copies(rep *report.Report, p *plan) ([]file, error) {
	files := []file{{report.FileName, p.report}}
	for _, c := range p.copies {
		data, err := rep.ReadFile(c.from)
		if err != nil {
			return nil, err
		}
		files = append(files, file{c.to, data})
	}
	return files, nil
}
