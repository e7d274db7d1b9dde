module github.com/acme/dispatch

go 1.19

require corpus.local/sentry v0.0.0

replace corpus.local/sentry => ../../capture/go
