package workbook

import (
	"io"
	"unicode/utf8"
)

// The small parts — relationships, workbook, styles — read with xmlScanner
// into the structs that encoding/xml would fill (xRels, xWorkbook,
// xStyles), as encoding/xml fills them: elements matched by their local
// names at their place under the root, attributes by their local names,
// the text of a <definedName> as its character data. encoding/xml took
// 0.8 ms of each process for the sample's four small parts (it makes a
// token of every element and attribute, and works out each struct by
// reflection on first use); the scanner passes over what is not wanted.
// TestSmallPartsAsEncodingXML checks the two agree on every workbook of
// the repository.

// walkPart reads part name, calling start with each start tag (the local
// names from the root to it in path) and, for a tag start returned true
// for, end with its text when it closes. Tags must nest, and attribute
// values must be XML text: otherwise a syntax error with the line.
func (x *xlsxReader) walkPart(name string, start func(path []string, s *xmlScanner) (keepText bool, err error),
	end func(path []string, text string) error) error {
	if f, ok := x.parts[partKey(name)]; ok && f.UncompressedSize64 > maxSmallPart {
		return errUnzipLimit
	}
	s, rc, err := x.scanPart(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	w := partWalk{s: s, start: start, end: end}
	return w.run()
}

// scanPart opens part name for the scanner; the caller closes rc.
func (x *xlsxReader) scanPart(name string) (s *xmlScanner, rc io.Closer, err error) {
	r, err := x.open(name)
	if err != nil {
		return nil, nil, err
	}
	if s, err = newXMLScanner(r, x.partSize(name)); err != nil {
		r.Close()
		return nil, nil, err
	}
	return s, r, nil
}

type partWalk struct {
	s     *xmlScanner
	start func(path []string, s *xmlScanner) (bool, error)
	end   func(path []string, text string) error
	path  []string
	keeps []bool // for each open tag, whether its text is kept
	text  []byte
	root  bool // the root has been seen
}

func (w *partWalk) run() error {
	for {
		kind, err := w.s.next()
		if err == io.EOF {
			if len(w.path) > 0 || !w.root {
				return w.s.syntax("unexpected end of part")
			}
			return nil
		}
		if err != nil {
			return err
		}
		switch {
		case kind == xmlStart:
			if err := w.open(); err != nil {
				return err
			}
			if w.s.empty {
				if err := w.close(); err != nil {
					return err
				}
			}
		case kind == xmlEnd:
			if len(w.path) == 0 || w.path[len(w.path)-1] != string(w.s.name) {
				return w.s.syntax("end tag does not match its start tag")
			}
			if err := w.close(); err != nil {
				return err
			}
		}
		if w.root && len(w.path) == 0 {
			return nil // what follows the root, encoding/xml does not read either
		}
	}
}

func (w *partWalk) open() error {
	w.root = true
	for _, a := range w.s.attrs {
		if v, ok := decodeXMLText(a.value); !ok || !xmlText(v) {
			return w.s.syntax("invalid character in an attribute value")
		}
	}
	w.path = append(w.path, string(w.s.name))
	keep, err := w.start(w.path, w.s)
	if err != nil {
		return err
	}
	w.keeps = append(w.keeps, keep)
	if keep {
		w.text = w.text[:0]
		w.s.keep, w.s.keepMax = &w.text, maxSmallPart
	} else {
		w.s.keep = nil // an element's character data is its own, not its children's
	}
	return nil
}

func (w *partWalk) close() error {
	n := len(w.path) - 1
	var err error
	if w.keeps[n] {
		text, ok := decodeXMLText(w.text)
		if !ok || !xmlText(text) {
			return w.s.syntax("invalid character in text")
		}
		err = w.end(w.path, text)
	}
	w.path, w.keeps, w.s.keep = w.path[:n], w.keeps[:n], nil
	if n > 0 && w.keeps[n-1] {
		w.s.keep = &w.text // the text of the element around goes on
	}
	return err
}

// xmlText reports whether XML allows every character of s.
func xmlText(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || !xmlChar(r) {
			return false
		}
	}
	return true
}

// is reports whether path is the names given.
func is(path []string, names ...string) bool {
	if len(path) != len(names) {
		return false
	}
	for i := range names {
		if path[i] != names[i] {
			return false
		}
	}
	return true
}

// attrOr is the value of the current tag's attribute, decoded, or "";
// the last, as encoding/xml takes it, when two have the local name.
func attrOr(s *xmlScanner, name string) string {
	v, _ := lastAttr(s, name)
	return v
}

func lastAttr(s *xmlScanner, name string) (string, bool) {
	for i := len(s.attrs) - 1; i >= 0; i-- {
		if string(s.attrs[i].name) == name {
			return decodeXMLText(s.attrs[i].value)
		}
	}
	return "", false
}

// setAttr sets *dst to the current tag's attribute when it has it: a
// struct field that more than one element fills keeps what an earlier one
// gave and a later one leaves out, as with encoding/xml.
func setAttr(dst *string, s *xmlScanner, name string) {
	if v, ok := lastAttr(s, name); ok {
		*dst = v
	}
}

// readRels reads a relationships part.
func (x *xlsxReader) readRels(name string) (xRels, error) {
	var r xRels
	err := x.walkPart(name, func(path []string, s *xmlScanner) (bool, error) {
		if len(path) == 2 && path[1] == "Relationship" {
			r.Rels = append(r.Rels, xRel{ID: attrOr(s, "Id"), Type: attrOr(s, "Type"), Target: attrOr(s, "Target"), Mode: attrOr(s, "TargetMode")})
		}
		return false, nil
	}, nil)
	return r, err
}

// readWorkbookPart reads the workbook part.
func (x *xlsxReader) readWorkbookPart(name string) (xWorkbook, error) {
	var wb xWorkbook
	err := x.walkPart(name, func(path []string, s *xmlScanner) (bool, error) {
		switch {
		case len(path) < 2:
		case is(path[1:], "workbookPr"):
			setAttr(&wb.Pr.Date1904, s, "date1904")
		case is(path[1:], "calcPr"):
			setAttr(&wb.Calc.Full, s, "fullCalcOnLoad")
		case is(path[1:], "sheets", "sheet"):
			wb.Sheets = append(wb.Sheets, xSheet{Name: attrOr(s, "name"), State: attrOr(s, "state"), RID: attrOr(s, "id")})
		case is(path[1:], "definedNames", "definedName"):
			wb.Names = append(wb.Names, xName{Name: attrOr(s, "name"), Local: attrOr(s, "localSheetId")})
			return true, nil
		}
		return false, nil
	}, func(path []string, text string) error {
		wb.Names[len(wb.Names)-1].RefersTo = text
		return nil
	})
	return wb, err
}

// readStylesPart reads the styles part.
func (x *xlsxReader) readStylesPart(name string) (xStyles, error) {
	var st xStyles
	err := x.walkPart(name, func(path []string, s *xmlScanner) (bool, error) {
		switch {
		case len(path) != 3:
		case is(path[1:], "numFmts", "numFmt"):
			st.NumFmts = append(st.NumFmts, xNumFmt{ID: attrOr(s, "numFmtId"), Code: attrOr(s, "formatCode")})
		case is(path[1:], "cellXfs", "xf"):
			st.CellXfs = append(st.CellXfs, xXf{NumFmtID: attrOr(s, "numFmtId")})
		}
		return false, nil
	}, nil)
	return st, err
}
