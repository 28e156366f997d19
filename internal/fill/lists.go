package fill

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"briefing/internal/workbook"
)

// names reads a list of names for fn.
func names(fn string, x any) ([]string, error) {
	l, err := toList(fn, x)
	if err != nil {
		return nil, err
	}
	parts := make([]string, len(l))
	for i, v := range l {
		parts[i] = v.Value.String()
	}
	return parts, nil
}

// join writes a list of names with 、, and conj (和, 及) before the last
// when conj is not empty.
func join(fn string, x any, conj string) (Text, error) {
	parts, err := names(fn, x)
	if err != nil {
		return "", err
	}
	if conj == "" || len(parts) < 2 {
		return Text(strings.Join(parts, "、")), nil
	}
	return Text(strings.Join(parts[:len(parts)-1], "、") + conj + parts[len(parts)-1]), nil
}

// etc is 等: {{等 列 "家"}} → 华晟电子、讯达易联、天恒锂电等3家; with a count
// of names to show, {{等 列 "家" 2}} → 华晟电子、讯达易联等3家. One name is
// written without 等: 华晟电子1家.
func etc(x any, measure string, show ...any) (Text, error) {
	parts, err := names("等", x)
	if err != nil {
		return "", err
	}
	if len(parts) == 0 {
		return "", fmt.Errorf("等：名单是空的（或筛选后没有符合条件的行）")
	}
	n := len(parts)
	if len(show) > 1 {
		return "", kindError("等 最多有三个参数：名单、量词和列出的个数")
	}
	if len(show) == 1 {
		k, err := toInt("等", show[0])
		if err != nil {
			return "", err
		}
		if k < 1 {
			return "", fmt.Errorf("等 列出的个数至少是1，这里是%d", k)
		}
		parts = parts[:min(k, n)]
	}
	if n == 1 {
		return Text(parts[0] + "1" + measure), nil
	}
	return Text(strings.Join(parts, "、") + "等" + strconv.Itoa(n) + measure), nil
}

// count is 计数: the rows of a table, the values of a list.
func count(x any) (int, error) {
	switch l := x.(type) {
	case Rows:
		return len(l), nil
	case List:
		return len(l), nil
	}
	return 0, kindError("计数 只能数表的行或一列值，这里给的是%s", kindName(x))
}

// numbers reads the numbers of a list for fn, passing over empty cells.
func numbers(fn string, x any) ([]Number, error) {
	l, err := toList(fn, x)
	if err != nil {
		return nil, err
	}
	out := make([]Number, 0, len(l))
	for _, v := range l {
		if v.Kind == workbook.Empty {
			continue
		}
		n, err := toNumber(fn, v)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// sum is 合计: the sum of a list, with the decimals of its most precise
// value; empty cells count for nothing.
func sum(x any) (Number, error) {
	ns, err := numbers("合计", x)
	if err != nil {
		return Number{}, err
	}
	total := Number{D: decimal.Zero}
	for i, n := range ns {
		if i == 0 {
			total = n
			continue
		}
		total = Number{D: total.D.Add(n.D), Places: maxPlaces(total, n), Ratio: total.Ratio && n.Ratio}
	}
	total.how = fmt.Sprintf("由 合计 算得：%d个数之和", len(ns))
	return total, nil
}

// average is 平均: the mean of the numbers of a list (empty cells are
// passed over), exact to ten decimals; round it with 保留.
func average(x any) (Number, error) {
	ns, err := numbers("平均", x)
	if err != nil {
		return Number{}, err
	}
	if len(ns) == 0 {
		return Number{}, fmt.Errorf("平均：这一列没有任何数值")
	}
	total := decimal.Zero
	ratio := true
	for _, n := range ns {
		total = total.Add(n.D)
		ratio = ratio && n.Ratio
	}
	return Number{D: total.DivRound(decimal.NewFromInt(int64(len(ns))), 10).Normalize(), Places: -1, Ratio: ratio}, nil
}

// extreme is 最大 and 最小: of a table by a column, the row (ties: the
// first); of a list, the value. Empty cells are passed over.
func (f *Filler) extreme(fn string, x any, col []any, sign int) (any, error) {
	better := func(d, best decimal.Decimal) bool { return d.Cmp(best) == sign }
	if len(col) == 0 {
		l, err := toList(fn, x)
		if err != nil {
			return nil, kindError("%s 需要一张表和列名，或者一列值，这里给的是%s", fn, kindName(x))
		}
		var best Value
		var bestD decimal.Decimal
		found := false
		for _, v := range l {
			if v.Kind == workbook.Empty {
				continue
			}
			n, err := toNumber(fn, v)
			if err != nil {
				return nil, err
			}
			if !found || better(n.D, bestD) {
				best, bestD, found = v, n.D, true
			}
		}
		if !found {
			return nil, fmt.Errorf("%s：这一列没有任何数值", fn)
		}
		return best, nil
	}
	if len(col) > 1 {
		return nil, kindError("%s 最多有两个参数：一张表和列名", fn)
	}
	name, ok := col[0].(string)
	if !ok {
		return nil, kindError("%s 的第二个参数是列名，这里给的是%s", fn, kindName(col[0]))
	}
	rows, err := toRows(fn, x)
	if err != nil {
		return nil, err
	}
	var best Row
	var bestD decimal.Decimal
	for _, r := range rows {
		v, err := f.get(r, name)
		if err != nil {
			return nil, err
		}
		if v.Kind == workbook.Empty {
			continue
		}
		n, err := toNumber(fn, v)
		if err != nil {
			return nil, err
		}
		if best == nil || better(n.D, bestD) {
			best, bestD = r, n.D
		}
	}
	if best == nil {
		return nil, fmt.Errorf("%s：“%s”列没有任何数值", fn, name)
	}
	return best, nil
}

type op int

const (
	opEqual op = iota
	opContains
	opGreater
	opLess
	opAtLeast
	opAtMost
)

// test reports whether v op want holds for function fn.
func test(fn string, v, want any, o op) (bool, error) {
	switch o {
	case opEqual:
		a, okA := asNumber(v)
		b, okB := asNumber(want)
		if okA && okB {
			return a.D.Equal(b.D), nil
		}
		return plain(v) == plain(want), nil
	case opContains:
		return strings.Contains(plain(v), plain(want)), nil
	}
	a, err := toNumber(fn, v)
	if err != nil {
		return false, err
	}
	b, err := toNumber(fn, want)
	if err != nil {
		return false, err
	}
	c := a.D.Cmp(b.D)
	switch o {
	case opGreater:
		return c > 0, nil
	case opLess:
		return c < 0, nil
	case opAtLeast:
		return c >= 0, nil
	}
	return c <= 0, nil
}

// filter keeps the rows whose cell in column col passes the test. Rows
// whose cell is empty are left out of comparisons of size.
func (f *Filler) filter(fn string, x any, col string, want any, o op) (Rows, error) {
	rows, err := toRows(fn, x)
	if err != nil {
		return nil, err
	}
	out := Rows{}
	for _, r := range rows {
		v, err := f.get(r, col)
		if err != nil {
			return nil, err
		}
		if v.Kind == workbook.Empty && o != opEqual && o != opContains {
			continue
		}
		ok, err := test(fn, v, want, o)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, r)
		}
	}
	return out, nil
}

// compareOrFilter is 等于 大于 小于 不小于 不大于: with two arguments it
// compares them ({{if 大于 (值 "A") (值 "B")}}); with a table, a column and
// a value it keeps the rows that pass ({{不小于 (表 "企业") "产值" 1}}).
func (f *Filler) compareOrFilter(fn string, o op, args []any) (any, error) {
	switch len(args) {
	case 2:
		return test(fn, args[0], args[1], o)
	case 3:
		col, ok := args[1].(string)
		if !ok {
			return nil, kindError("%s 的第二个参数是列名，这里给的是%s", fn, kindName(args[1]))
		}
		return f.filter(fn, args[0], col, args[2], o)
	}
	return nil, kindError("%s 需要两个值（比较），或者一张表、列名和一个值（筛选），这里给了%d个参数", fn, len(args))
}

// sortRows orders rows by the number in column col, largest first when
// desc; rows with an empty cell go last; equal rows keep their order.
func (f *Filler) sortRows(fn string, x any, col string, desc bool) (Rows, error) {
	rows, err := toRows(fn, x)
	if err != nil {
		return nil, err
	}
	type keyed struct {
		r     Row
		d     decimal.Decimal
		empty bool
	}
	ks := make([]keyed, len(rows))
	for i, r := range rows {
		v, err := f.get(r, col)
		if err != nil {
			return nil, err
		}
		ks[i].r = r
		if v.Kind == workbook.Empty {
			ks[i].empty = true
			continue
		}
		n, err := toNumber(fn, v)
		if err != nil {
			return nil, err
		}
		ks[i].d = n.D
	}
	sort.SliceStable(ks, func(i, j int) bool {
		if ks[i].empty || ks[j].empty {
			return !ks[i].empty && ks[j].empty
		}
		if desc {
			return ks[i].d.GreaterThan(ks[j].d)
		}
		return ks[i].d.LessThan(ks[j].d)
	})
	out := make(Rows, len(ks))
	for i, k := range ks {
		out[i] = k.r
	}
	return out, nil
}

// firstN is 前: the first n rows of a table or values of a list.
func firstN(n any, x any) (any, error) {
	k, err := toInt("前", n)
	if err != nil {
		return nil, err
	}
	if k < 0 {
		return nil, fmt.Errorf("前 的个数不能是负数，这里是%d", k)
	}
	switch v := x.(type) {
	case Rows:
		return v[:min(k, len(v))], nil
	case List:
		return v[:min(k, len(v))], nil
	}
	return nil, kindError("前 需要一张表或一列值，这里给的是%s", kindName(x))
}

// unique is 去重: a list without repeated values, in first-seen order.
func unique(x any) (List, error) {
	l, err := toList("去重", x)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	out := List{}
	for _, v := range l {
		k := v.Value.String()
		if !seen[k] {
			seen[k] = true
			out = append(out, v)
		}
	}
	return out, nil
}

// allEqual is 全同: whether every value of a list is the same.
func allEqual(x any) (bool, error) {
	l, err := toList("全同", x)
	if err != nil {
		return false, err
	}
	for _, v := range l[min(1, len(l)):] {
		if v.Value.String() != l[0].Value.String() {
			return false, nil
		}
	}
	return true, nil
}

// rank is 排名: the place of the row whose column nameCol reads name, when
// the rows are ordered by column col, largest first; equal numbers share a
// place (1, 2, 2, 4).
func (f *Filler) rank(x any, col, nameCol string, name any) (int, error) {
	rows, err := toRows("排名", x)
	if err != nil {
		return 0, err
	}
	var target *decimal.Decimal
	var all []decimal.Decimal
	for _, r := range rows {
		v, err := f.get(r, col)
		if err != nil {
			return 0, err
		}
		id, err := f.get(r, nameCol)
		if err != nil {
			return 0, err
		}
		if v.Kind == workbook.Empty {
			if id.Value.String() == plain(name) {
				return 0, fmt.Errorf("%s“%s”的“%s”是空的，无法排名", at(v.Ref), shown(plain(name)), col)
			}
			continue
		}
		n, err := toNumber("排名", v)
		if err != nil {
			return 0, err
		}
		all = append(all, n.D)
		if target == nil && id.Value.String() == plain(name) {
			d := n.D
			target = &d
		}
	}
	if target == nil {
		return 0, fmt.Errorf("排名：“%s”列中没有“%s”", nameCol, shown(plain(name)))
	}
	place := 1
	for _, d := range all {
		if d.GreaterThan(*target) {
			place++
		}
	}
	return place, nil
}
