// indexctl: ingest <feed.xml>, subscribe <url>, search <pattern>, export <request.json>; or --script FILE.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"corpus.local/sentry"
	"github.com/wavecast/indexer/internal/crawl"
	"github.com/wavecast/indexer/internal/feed"
	"github.com/wavecast/indexer/internal/index"
)

var ix = index.New()

func main() {
	if err := sentry.Init(os.Getenv("SENTRY_DSN"), os.Getenv("CORPUS_RELEASE")); err != nil {
		panic(err)
	}
	if os.Args[1] != "--script" {
		execute(sentry.NewHub(), os.Args[1], os.Args[2])
		return
	}
	file, err := os.Open(os.Args[2])
	if err != nil {
		panic(err)
	}
	defer file.Close()
	scanner := bufio.NewScanner(file)
	for scanner.Scan() {
		words := strings.SplitN(scanner.Text(), "\t", 3)
		hub := sentry.NewHub()
		hub.SetTag("corpus_case", words[0])
		execute(hub, words[1], words[2])
	}
}

func execute(hub *sentry.Hub, command, arg string) {
	defer hub.RecoverPanic()
	if err := run(command, arg); err != nil {
		hub.CaptureException(err)
	}
}

func run(command, arg string) error {
	switch command {
	case "ingest":
		raw, err := os.ReadFile(arg)
		if err != nil {
			return err
		}
		podcast, err := feed.Parse(raw)
		if err != nil {
			return err
		}
		ix.Add(podcast)
		fmt.Println("ingested", podcast.Title)
	case "subscribe":
		u, err := crawl.Subscribe(arg)
		if err != nil {
			return err
		}
		fmt.Println("subscribed", u)
	case "search":
		titles, err := ix.Search(arg)
		if err != nil {
			return err
		}
		fmt.Println(strings.Join(titles, "\n"))
	case "export":
		raw, err := os.ReadFile(arg)
		if err != nil {
			return err
		}
		var request struct {
			Titles  []string         `json:"titles"`
			Ratings map[string][]int `json:"ratings"`
		}
		if err := json.Unmarshal(raw, &request); err != nil {
			return err
		}
		out, err := ix.Export(request.Titles, request.Ratings)
		if err != nil {
			return err
		}
		fmt.Println(string(out))
	default:
		return fmt.Errorf("unknown command %q", command)
	}
	return nil
}
