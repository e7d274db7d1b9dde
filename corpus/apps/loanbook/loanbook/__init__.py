"""loanbook: a public library's lending service (members, catalog, loans, holds, fines, notices)."""
