// Send one exception event and one message event with sentry-go, print their ids.
// The DSN comes from SENTRY_DSN.
//
// Built in GOPATH mode against Debian's source packages (golang-github-getsentry-sentry-go-dev,
// golang-github-pkg-errors-dev): GOPATH=/usr/share/gocode GO111MODULE=off go build go_sdk.go.
// sentry-go 0.11 ignores the HTTP status, so the program wraps the SDK's http.RoundTripper to
// note each answer's status, and uses the synchronous transport so every event is delivered
// before Capture* returns.
package main

import (
	"fmt"
	"net/http"
	"os"
	"time"

	"github.com/getsentry/sentry-go"
	"github.com/pkg/errors"
)

type recordingRoundTripper struct {
	next     http.RoundTripper
	statuses []int
}

func (r *recordingRoundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := r.next.RoundTrip(req)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s %s -> %v\n", req.Method, req.URL.Path, err)
		r.statuses = append(r.statuses, 0)
		return resp, err
	}
	fmt.Fprintf(os.Stderr, "%s %s -> HTTP %d\n", req.Method, req.URL.Path, resp.StatusCode)
	r.statuses = append(r.statuses, resp.StatusCode)
	return resp, err
}

func divide(a, b int) (int, error) {
	if b == 0 {
		return 0, errors.New("division by zero")
	}
	return a / b, nil
}

func main() {
	dsn := os.Getenv("SENTRY_DSN")
	if dsn == "" {
		fmt.Fprintln(os.Stderr, "SENTRY_DSN is not set")
		os.Exit(2)
	}
	recorder := &recordingRoundTripper{next: http.DefaultTransport}
	err := sentry.Init(sentry.ClientOptions{
		Dsn:           dsn,
		Release:       "sdk-smoke@1.0.0",
		Environment:   "sdk-smoke",
		Debug:         os.Getenv("SMOKE_DEBUG") == "1",
		Transport:     sentry.NewHTTPSyncTransport(),
		HTTPTransport: recorder,
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "sentry.Init:", err)
		os.Exit(1)
	}
	sentry.ConfigureScope(func(scope *sentry.Scope) { scope.SetTag("client", "go-sdk") })
	fmt.Fprintln(os.Stderr, "version "+sentry.Version)

	var ids []string
	if _, err := divide(1, 0); err != nil {
		if id := sentry.CaptureException(err); id != nil {
			ids = append(ids, string(*id))
		}
	}
	if id := sentry.CaptureMessage("sdk-smoke message from go-sdk"); id != nil {
		ids = append(ids, string(*id))
	}
	sentry.Flush(10 * time.Second)

	for _, id := range ids {
		fmt.Println(id)
	}
	failed := len(ids) != 2 || len(recorder.statuses) != 2
	for _, status := range recorder.statuses {
		if status < 200 || status > 299 {
			failed = true
		}
	}
	if failed {
		os.Exit(1)
	}
}
