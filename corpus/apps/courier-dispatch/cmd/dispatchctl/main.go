// dispatchctl is the operators' command line: plan <manifest.json>, quote <km> <stops>.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"

	"corpus.local/sentry"
	"github.com/acme/dispatch/internal/dispatch"
	"github.com/acme/dispatch/internal/manifest"
	"github.com/acme/dispatch/internal/pricing"
)

var planner = dispatch.NewPlanner()

func main() {
	if err := sentry.Init(os.Getenv("SENTRY_DSN"), os.Getenv("CORPUS_RELEASE")); err != nil {
		panic(err)
	}
	if len(os.Args) == 3 && os.Args[1] == "--script" {
		runScript(os.Args[2])
		return
	}
	runReported(sentry.NewHub(), os.Args[1:])
}

// runScript runs one command per line ("trace<TAB>args..."), as the nightly operator script does.
func runScript(path string) {
	file, err := os.Open(path)
	if err != nil {
		panic(err)
	}
	defer file.Close()
	scanner := bufio.NewScanner(file)
	for scanner.Scan() {
		words := strings.Split(scanner.Text(), "\t")
		hub := sentry.NewHub()
		hub.SetTag("corpus_case", words[0])
		runReported(hub, words[1:])
	}
}

func runReported(hub *sentry.Hub, args []string) {
	defer hub.RecoverPanic()
	out, err := run(args)
	if err != nil {
		hub.CaptureException(err)
		return
	}
	fmt.Println(out)
}

func run(args []string) (string, error) {
	switch args[0] {
	case "plan":
		raw, err := os.ReadFile(args[1])
		if err != nil {
			return "", err
		}
		route, err := manifest.Decode(raw)
		if err != nil {
			return "", err
		}
		return planner.Assign(route)
	case "quote":
		km, _ := strconv.Atoi(args[1])
		stops, _ := strconv.Atoi(args[2])
		return pricing.Pricer{BaseCents: 450, PerKmCents: 85, MinimumCents: 900}.Quote(km, stops)
	}
	return "", fmt.Errorf("unknown command %q", args[0])
}
