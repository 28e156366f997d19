package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"time"

	"briefing/internal/oserr"
	"briefing/internal/pacing"
	"briefing/internal/server"
	"briefing/internal/workspace"
)

func cmdServe(args []string, stdout, stderr io.Writer) int {
	c := newCommand("serve", "briefing serve [-addr 127.0.0.1:端口] [-no-browser] [工作区目录]",
		"在本机启动报告工作台（网页）并打开浏览器：选择报告类型，拖入本月的工作簿，查看问题和与上月的比较，预览并下载报告。\n"+
			"工作区目录（默认为当前目录）中的报告类型、工作簿和每次生成的归档（归档/）都在这台电脑上，不会上传到任何地方。\n"+
			"按 Ctrl+C 停止。")
	addr := c.String("addr", "127.0.0.1:0", "监听的`地址:端口`；端口为 0 时任选一个空闲端口。只在本机（127.0.0.1）监听，除非这里另有指定")
	noBrowser := c.Bool("no-browser", false, "不自动打开浏览器（只打印网址）")
	reads := addLimitFlags(c)
	fontSet := fontOptions(c)
	pos, code, ok := c.parse(args, stdout, stderr, 1)
	if !ok {
		return code
	}
	dir := first(pos)
	if dir == "" {
		dir = "."
	}
	ws, err := workspace.Open(dir)
	if err != nil {
		fmt.Fprintf(stderr, "错误：%v\n", err)
		return exitUsage
	}
	ln, hosts, err := listen(*addr, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "错误：%v\n", err)
		return exitUsage
	}
	pacing.LongRunning()
	token := newToken()
	srv := server.New(server.Options{Workspace: ws, Token: token, Hosts: hosts, LoadFonts: fontSet,
		Version: version, Limits: reads.limits(), Log: stderr})
	url := fmt.Sprintf("http://%s/?token=%s", hosts[0], token)
	fmt.Fprintf(stdout, "briefing 报告工作台已启动，请在浏览器中打开：\n\n    %s\n\n工作区：%s\n按 Ctrl+C 停止。\n", url, oserr.Path(ws.Dir))
	if !*noBrowser {
		openBrowser(url, stderr)
	}
	return serveUntilInterrupt(ln, srv, stderr)
}

// listen opens the address and returns the Host values the server
// answers. An address that is not the machine's own is allowed, with a
// warning: other computers can then reach the page (with the token).
func listen(addr string, stderr io.Writer) (net.Listener, []string, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, nil, fmt.Errorf("-addr 应写成“地址:端口”，如 127.0.0.1:8080：%s", oserr.Escape(addr))
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, nil, fmt.Errorf("无法在 %s 上监听：%v（端口可能已被占用，可以换一个，或用端口 0 任选）", oserr.Escape(addr), err)
	}
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	ip := net.ParseIP(host)
	if host == "localhost" || (ip != nil && ip.IsLoopback()) {
		return ln, []string{"127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port}, nil
	}
	fmt.Fprintf(stderr, "警告：工作台在 %s 上监听，不只本机，局域网中的其他电脑也能打开（仍需要网址中的口令）。只在本机使用时请去掉 -addr。\n", oserr.Escape(addr))
	return ln, otherHosts(host, port), nil
}

// otherHosts are the Host values of a server listening beyond loopback:
// the address given, or every address of the machine for 0.0.0.0 or ::.
func otherHosts(host, port string) []string {
	var hosts []string
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		addrs, _ := net.InterfaceAddrs()
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil {
				hosts = append(hosts, net.JoinHostPort(n.IP.String(), port))
			}
		}
		if name, err := os.Hostname(); err == nil {
			hosts = append(hosts, strings.ToLower(name)+":"+port)
		}
		return append(hosts, "localhost:"+port)
	}
	return []string{strings.ToLower(net.JoinHostPort(host, port)), "localhost:" + port}
}

// newToken is the secret of a session of the server.
func newToken() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// openBrowser opens url in the user's browser; it says how when it
// cannot.
func openBrowser(url string, stderr io.Writer) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(stderr, "提示：无法自动打开浏览器，请把上面的网址复制到浏览器中打开。")
		return
	}
	go cmd.Wait()
}

// serveUntilInterrupt answers requests until Ctrl+C or SIGTERM, then lets
// the builds under way finish.
func serveUntilInterrupt(ln net.Listener, srv *server.Server, stderr io.Writer) int {
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, interruptSignals...)
	defer signal.Stop(ch)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case <-ch:
		fmt.Fprintln(stderr, "正在停止……")
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			fmt.Fprintf(stderr, "错误：工作台停止了：%v\n", err)
			srv.Close()
			return exitProblem
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	hs.Shutdown(ctx)
	srv.Close()
	fmt.Fprintln(stderr, "工作台已停止。")
	return exitOK
}
