// scenarios drives courier-dispatch through its entry points: the HTTP API and its batch route, the job
// queue with retries, and dispatchctl. Environment: SENTRY_DSN, CORPUS_RELEASE, CORPUS_SEED.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"corpus.local/sentry"
	"github.com/acme/dispatch/internal/api"
	"github.com/acme/dispatch/internal/dispatch"
	"github.com/acme/dispatch/internal/jobs"
	"github.com/acme/dispatch/internal/pricing"
	"github.com/acme/dispatch/internal/queue"
)

const occurrences = 3

var (
	rng     *rand.Rand
	base    string
	workdir string
	script  []string
	q       *queue.Queue
)

type parcel map[string]interface{}

func okParcel() parcel {
	return parcel{"address": fmt.Sprintf("Hauptstr. %d", rng.Intn(200)+1), "postcode": strconv.Itoa(10115 + rng.Intn(900)),
		"weight": fmt.Sprintf("%d.%d", rng.Intn(20)+1, rng.Intn(10)), "meta": map[string]interface{}{"fragile": false, "slot_hours": float64(rng.Intn(6) + 1)}}
}

func manifestOf(depot, courier, pickup string, parcels ...parcel) string {
	doc := map[string]interface{}{"route": fmt.Sprintf("R-%d", rng.Intn(9000)+1000), "depot": depot, "courier": courier,
		"pickup": pickup, "parcels": parcels}
	raw, _ := json.Marshal(doc)
	return string(raw)
}

func morning() string { return fmt.Sprintf("2024-03-0%dT0%d:30:00Z", rng.Intn(9)+1, rng.Intn(3)+6) }

func with(p parcel, key string, value interface{}) parcel {
	p[key] = value
	return p
}

type cause struct {
	name, kind string
	payload    func() string
}

func causes() []cause {
	plan := func(f func() string) func() string { return f }
	return []cause{
		{"harbour-slot-table", "plan", plan(func() string { return manifestOf("HAM-1", "C-NEW", morning(), okParcel(), okParcel()) })},
		{"single-stop-route", "plan", plan(func() string { return manifestOf("BER-1", "C-ANNA", morning(), okParcel()) })},
		{"stop-without-window", "plan", plan(func() string {
			return manifestOf("BER-1", "C-ANNA", morning(), okParcel(), with(okParcel(), "meta", map[string]interface{}{"fragile": true}))
		})},
		{"courier-on-foot", "plan", plan(func() string { return manifestOf("BER-1", "C-WALK", morning(), okParcel(), okParcel()) })},
		{"fragile-flag-string", "plan", plan(func() string {
			return manifestOf("BER-2", "C-BORIS", morning(), okParcel(), with(okParcel(), "meta", map[string]interface{}{"fragile": []string{"yes", "ja"}[rng.Intn(2)]}))
		})},
		{"postcode-not-numeric", "plan", plan(func() string {
			return manifestOf("BER-1", "C-ANNA", morning(), okParcel(), with(okParcel(), "postcode", []string{"D-10115", "10 115", "1011S"}[rng.Intn(3)]))
		})},
		{"weight-decimal-comma", "plan", plan(func() string {
			return manifestOf("BER-1", "C-ANNA", morning(), okParcel(), with(okParcel(), "weight", fmt.Sprintf("%d,%d", rng.Intn(20)+1, rng.Intn(10))))
		})},
		{"pickup-time-format", "plan", plan(func() string {
			return manifestOf("BER-1", "C-ANNA", []string{"01.03.2024 08:30", "2024-03-01 08:30", "08:30"}[rng.Intn(3)], okParcel(), okParcel())
		})},
		{"manifest-truncated", "plan", plan(func() string {
			full := manifestOf("BER-1", "C-ANNA", morning(), okParcel(), okParcel())
			return full[:len(full)/2+rng.Intn(20)]
		})},
		{"manifest-weight-number", "plan", plan(func() string {
			return manifestOf("BER-1", "C-ANNA", morning(), okParcel(), with(okParcel(), "weight", float64(rng.Intn(20)+1)))
		})},
		{"unknown-depot", "plan", plan(func() string {
			return manifestOf([]string{"MUC-1", "BER-9", "FRA-2"}[rng.Intn(3)], "C-ANNA", morning(), okParcel(), okParcel())
		})},
		{"courier-overloaded", "plan", plan(func() string {
			heavy := func() parcel { return with(okParcel(), "weight", fmt.Sprintf("%d.0", rng.Intn(30)+50)) }
			return manifestOf("BER-2", "C-BORIS", morning(), heavy(), heavy(), heavy())
		})},
		{"quote-zero-stops", "quote", func() string { return fmt.Sprintf(`{"km":%d,"stops":0}`, rng.Intn(40)+3) }},
	}
}

type entry struct {
	name string
	run  func(trace, payload string)
}

func entries() map[string][]entry {
	return map[string][]entry{
		"plan": {
			{"POST /v1/routes", func(trace, payload string) { post("/v1/routes", trace, payload) }},
			{"POST /v1/routes/batch", func(trace, payload string) {
				items, _ := json.Marshal([]map[string]string{{"trace": trace, "manifest": payload}})
				post("/v1/routes/batch", "", string(items))
			}},
			{"job dispatch-route", func(trace, payload string) { enqueue("dispatch-route", trace, payload) }},
			{"cli plan", func(trace, payload string) { cli(trace, "plan", file(payload)) }},
		},
		"quote": {
			{"GET /v1/quote", func(trace, payload string) {
				var r struct{ Km, Stops int }
				_ = json.Unmarshal([]byte(payload), &r)
				get(fmt.Sprintf("/v1/quote?km=%d&stops=%d", r.Km, r.Stops), trace)
			}},
			{"job requote", func(trace, payload string) { enqueue("requote", trace, payload) }},
			{"cli quote", func(trace, payload string) {
				var r struct{ Km, Stops int }
				_ = json.Unmarshal([]byte(payload), &r)
				cli(trace, "quote", strconv.Itoa(r.Km), strconv.Itoa(r.Stops))
			}},
		},
	}
}

func main() {
	seed, _ := strconv.ParseInt(os.Getenv("CORPUS_SEED"), 10, 64)
	rng = rand.New(rand.NewSource(seed))
	if err := sentry.Init(os.Getenv("SENTRY_DSN"), os.Getenv("CORPUS_RELEASE")); err != nil {
		panic(err)
	}
	workdir, _ = os.MkdirTemp("", "dispatchctl-")
	planner := dispatch.NewPlanner()
	pricer := pricing.Pricer{BaseCents: 450, PerKmCents: 85, MinimumCents: 900}
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	go http.Serve(listener, (&api.Server{Planner: planner, Pricer: pricer}).Handler())
	base = "http://" + listener.Addr().String()
	q = queue.Start(1, jobs.Handlers(planner, pricer))

	cases := 0
	byKind := entries()
	for _, c := range causes() {
		for _, e := range byKind[c.kind] {
			for n := 0; n < occurrences; n++ {
				e.run(fmt.Sprintf("%s|%s|%d", c.name, e.name, n), c.payload())
				cases++
			}
		}
	}
	q.Close()
	path := filepath.Join(workdir, "script.tsv")
	if err := os.WriteFile(path, []byte(strings.Join(script, "\n")+"\n"), 0o644); err != nil {
		panic(err)
	}
	cmd := exec.Command("./bin/dispatchctl", "--script", path)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		panic(err)
	}
	fmt.Printf("CORPUS_CASES %d\n", cases)
}

func enqueue(name, trace, payload string) {
	q.Enqueue(queue.Job{Name: name, Trace: trace, Payload: []byte(payload)})
}

func post(path, trace, body string) {
	request, _ := http.NewRequest(http.MethodPost, base+path, bytes.NewBufferString(body))
	send(request, trace)
}

func get(path, trace string) {
	request, _ := http.NewRequest(http.MethodGet, base+path, nil)
	send(request, trace)
}

func send(request *http.Request, trace string) {
	if trace != "" {
		request.Header.Set("X-Corpus-Case", trace)
	}
	response, err := http.DefaultClient.Do(request)
	if err != nil {
		panic(err)
	}
	io.Copy(io.Discard, response.Body)
	response.Body.Close()
}

func file(text string) string {
	path := filepath.Join(workdir, fmt.Sprintf("manifest-%d.json", len(script)))
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		panic(err)
	}
	return path
}

func cli(trace string, args ...string) {
	script = append(script, trace+"\t"+strings.Join(args, "\t"))
}
