package sentry

import (
	"bufio"
	"go/build"
	"os"
	"runtime"
	"strings"
)

// Frame is a stack frame as sentry-go serializes it (empty fields omitted).
type Frame struct {
	Function    string   `json:"function,omitempty"`
	Module      string   `json:"module,omitempty"`
	Filename    string   `json:"filename,omitempty"`
	AbsPath     string   `json:"abs_path,omitempty"`
	Lineno      int      `json:"lineno,omitempty"`
	PreContext  []string `json:"pre_context,omitempty"`
	ContextLine string   `json:"context_line,omitempty"`
	PostContext []string `json:"post_context,omitempty"`
	InApp       bool     `json:"in_app"`
}

// Stacktrace holds frames oldest first.
type Stacktrace struct {
	Frames []Frame `json:"frames,omitempty"`
}

const selfModule = "corpus.local/sentry"

var goRoot = strings.ReplaceAll(build.Default.GOROOT, "\\", "/")

// newStacktrace records the calling goroutine's stack, as sentry-go's NewStacktrace does: runtime.Callers,
// oldest first, the Go runtime's and the SDK's own frames left out.
func newStacktrace() *Stacktrace {
	pcs := make([]uintptr, 100)
	n := runtime.Callers(1, pcs)
	if n == 0 {
		return nil
	}
	var raw []runtime.Frame
	callers := runtime.CallersFrames(pcs[:n])
	for {
		frame, more := callers.Next()
		raw = append(raw, frame)
		if !more {
			break
		}
	}
	frames := make([]Frame, 0, len(raw))
	for i := len(raw) - 1; i >= 0; i-- {
		pkg, function := splitQualifiedFunctionName(raw[i].Function)
		if pkg == "runtime" || pkg == "testing" || strings.HasPrefix(pkg, selfModule) {
			continue
		}
		frames = append(frames, newFrame(pkg, function, raw[i].File, raw[i].Line))
	}
	return &Stacktrace{Frames: frames}
}

func newFrame(module, function, file string, line int) Frame {
	frame := Frame{Lineno: line, Module: module, Function: function}
	switch {
	case file == "":
		frame.Filename = "unknown"
	case strings.HasPrefix(file, "/"):
		frame.AbsPath = file
	default:
		frame.Filename = file
	}
	frame.InApp = !(strings.HasPrefix(frame.AbsPath, goRoot) ||
		strings.Contains(frame.Module, "vendor") || strings.Contains(frame.Module, "third_party"))
	return frame
}

// packageName mirrors debug/gosym's Sym.PackageName: the path up to the first dot after the last slash.
func packageName(name string) string {
	if strings.HasPrefix(name, "go.") || strings.HasPrefix(name, "type.") {
		return ""
	}
	pathEnd := strings.LastIndex(name, "/")
	if pathEnd < 0 {
		pathEnd = 0
	}
	if i := strings.Index(name[pathEnd:], "."); i != -1 {
		return name[:pathEnd+i]
	}
	return ""
}

func splitQualifiedFunctionName(name string) (string, string) {
	pkg := packageName(name)
	if len(pkg) > 0 {
		return pkg, name[len(pkg)+1:]
	}
	return pkg, ""
}

// contextify adds five lines of source around each in-app frame, as the ContextifyFrames integration does.
func contextify(frames []Frame) {
	const around = 5
	for i := range frames {
		frame := &frames[i]
		if !frame.InApp || frame.AbsPath == "" {
			continue
		}
		lines := sourceLines(frame.AbsPath)
		if lines == nil || frame.Lineno < 1 || frame.Lineno > len(lines) {
			continue
		}
		at := frame.Lineno - 1
		for j := max(0, at-around); j < at; j++ {
			frame.PreContext = append(frame.PreContext, lines[j])
		}
		frame.ContextLine = lines[at]
		for j := at + 1; j < len(lines) && j <= at+around; j++ {
			frame.PostContext = append(frame.PostContext, lines[j])
		}
	}
}

var sourceCache = map[string][]string{}

func sourceLines(path string) []string {
	if lines, ok := sourceCache[path]; ok {
		return lines
	}
	file, err := os.Open(path)
	if err != nil {
		sourceCache[path] = nil
		return nil
	}
	defer file.Close()
	var lines []string
	scanner := bufio.NewScanner(file)
	for scanner.Scan() {
		lines = append(lines, scanner.Text())
	}
	sourceCache[path] = lines
	return lines
}

func max(a, b int) int {
	if a > b {
		return a
	}
	return b
}
