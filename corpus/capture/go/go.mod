module corpus.local/sentry

go 1.19
