// scenarios drives podcast-indexer through its entry points: the HTTP API, the crawler's worker goroutines
// with retries, and indexctl. Environment: SENTRY_DSN, CORPUS_RELEASE, CORPUS_SEED.
package main

import (
	"bytes"
	"fmt"
	"io"
	"math/rand"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"corpus.local/sentry"
	"github.com/wavecast/indexer/internal/crawl"
	"github.com/wavecast/indexer/internal/httpapi"
	"github.com/wavecast/indexer/internal/index"
)

const occurrences = 3

var rng *rand.Rand

type item struct{ title, pubDate, duration, episode, enclosure string }

func okItem() item {
	return item{
		title:     fmt.Sprintf("Episode %d", rng.Intn(300)+1),
		pubDate:   fmt.Sprintf("Fri, %02d Mar 2024 06:00:00 +0000", rng.Intn(28)+1),
		duration:  strconv.Itoa(rng.Intn(4000) + 600),
		episode:   strconv.Itoa(rng.Intn(300) + 1),
		enclosure: fmt.Sprintf(`<enclosure url="https://cdn.example/ep%d.mp3" length="%d" type="audio/mpeg"/>`, rng.Intn(999), rng.Intn(90000000)),
	}
}

func rssOf(category string, image bool, items ...item) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel>`)
	fmt.Fprintf(&b, "<title>%s</title><category>%s</category>", []string{"Byte Sized", "Old Maps", "Late Desk", "Signal Path"}[rng.Intn(4)], category)
	if image {
		b.WriteString("<image><url>https://cdn.example/art.jpg</url></image>")
	}
	for _, it := range items {
		fmt.Fprintf(&b, "<item><title>%s</title><pubDate>%s</pubDate><duration>%s</duration><episode>%s</episode>%s</item>",
			it.title, it.pubDate, it.duration, it.episode, it.enclosure)
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

func category() string { return []string{"Technology", "History", "News"}[rng.Intn(3)] }

func with(f func(*item)) item {
	it := okItem()
	f(&it)
	return it
}

type cause struct {
	name, kind string
	payload    func() string
}

var causes = []cause{
	{"feed-xml-truncated", "ingest", func() string { full := rssOf(category(), true, okItem(), okItem()); return full[:len(full)-rng.Intn(60)-20] }},
	{"pubdate-not-rfc1123", "ingest", func() string {
		return rssOf(category(), true, okItem(), with(func(it *item) { it.pubDate = fmt.Sprintf("2024-03-%02d", rng.Intn(28)+1) }))
	}},
	{"duration-clock-format", "ingest", func() string {
		return rssOf(category(), true, with(func(it *item) { it.duration = fmt.Sprintf("%d:%02d:%02d", rng.Intn(2), rng.Intn(60), rng.Intn(60)) }))
	}},
	{"episode-number-suffix", "ingest", func() string {
		return rssOf(category(), true, with(func(it *item) { it.episode = fmt.Sprintf("%d%s", rng.Intn(90)+1, []string{"b", "a", "-bonus"}[rng.Intn(3)]) }))
	}},
	{"category-not-indexed", "ingest", func() string { return rssOf([]string{"True Crime", "Sports", "Arts"}[rng.Intn(3)], true, okItem()) }},
	{"episode-without-enclosure", "ingest", func() string { return rssOf(category(), true, okItem(), with(func(it *item) { it.enclosure = "" })) }},
	{"channel-without-artwork", "ingest", func() string { return rssOf(category(), false, okItem()) }},
	{"feed-host-with-space", "subscribe", func() string {
		return fmt.Sprintf("https://feeds.%s.example/rss%d.xml", []string{"my show", "old maps", "late desk"}[rng.Intn(3)], rng.Intn(99))
	}},
	{"feed-taken-down", "subscribe", func() string { return fmt.Sprintf("https://feeds.example/gone/show-%d.xml", rng.Intn(999)) }},
	{"search-pattern-unclosed", "search", func() string { return []string{"[tech", "(maps", "late|(desk"}[rng.Intn(3)] }},
	{"rating-without-votes", "export", func() string {
		return fmt.Sprintf(`{"titles":["Byte Sized","Old Maps"],"ratings":{"Byte Sized":[%d,%d]}}`, rng.Intn(5)+1, rng.Intn(5)+1)
	}},
}

func main() {
	seed, _ := strconv.ParseInt(os.Getenv("CORPUS_SEED"), 10, 64)
	rng = rand.New(rand.NewSource(seed))
	if err := sentry.Init(os.Getenv("SENTRY_DSN"), os.Getenv("CORPUS_RELEASE")); err != nil {
		panic(err)
	}
	workdir, _ := os.MkdirTemp("", "indexctl-")
	ix := index.New()
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	go http.Serve(listener, (&httpapi.API{Index: ix}).Routes())
	base := "http://" + listener.Addr().String()
	crawler := crawl.Start(ix, 2)
	var script []string

	send := func(method, path, trace, body string) {
		request, _ := http.NewRequest(method, base+path, bytes.NewBufferString(body))
		request.Header.Set("X-Corpus-Case", trace)
		response, err := http.DefaultClient.Do(request)
		if err != nil {
			panic(err)
		}
		io.Copy(io.Discard, response.Body)
		response.Body.Close()
	}
	toFile := func(text string) string {
		path := filepath.Join(workdir, fmt.Sprintf("input-%d", len(script)))
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			panic(err)
		}
		return path
	}
	type entry struct {
		name string
		run  func(trace, payload string)
	}
	entries := map[string][]entry{
		"ingest": {
			{"POST /feeds", func(t, p string) { send("POST", "/feeds", t, p) }},
			{"crawl ingest", func(t, p string) { crawler.Submit(crawl.Task{Kind: "ingest", Trace: t, Payload: p}) }},
			{"cli ingest", func(t, p string) { script = append(script, t+"\tingest\t"+toFile(p)) }},
		},
		"subscribe": {
			{"POST /subscriptions", func(t, p string) { send("POST", "/subscriptions", t, p) }},
			{"crawl subscribe", func(t, p string) { crawler.Submit(crawl.Task{Kind: "subscribe", Trace: t, Payload: p}) }},
			{"cli subscribe", func(t, p string) { script = append(script, t+"\tsubscribe\t"+p) }},
		},
		"search": {
			{"GET /search", func(t, p string) { send("GET", "/search?q="+url.QueryEscape(p), t, "") }},
			{"cli search", func(t, p string) { script = append(script, t+"\tsearch\t"+p) }},
		},
		"export": {
			{"POST /charts/export", func(t, p string) { send("POST", "/charts/export", t, p) }},
			{"cli export", func(t, p string) { script = append(script, t+"\texport\t"+toFile(p)) }},
		},
	}
	cases := 0
	for _, c := range causes {
		for _, e := range entries[c.kind] {
			for n := 0; n < occurrences; n++ {
				e.run(fmt.Sprintf("%s|%s|%d", c.name, e.name, n), c.payload())
				cases++
			}
		}
	}
	crawler.Stop()
	path := filepath.Join(workdir, "script.tsv")
	if err := os.WriteFile(path, []byte(strings.Join(script, "\n")+"\n"), 0o644); err != nil {
		panic(err)
	}
	cmd := exec.Command("./bin/indexctl", "--script", path)
	cmd.Stdout, cmd.Stderr = io.Discard, os.Stderr
	if err := cmd.Run(); err != nil {
		panic(err)
	}
	fmt.Printf("CORPUS_CASES %d\n", cases)
}
