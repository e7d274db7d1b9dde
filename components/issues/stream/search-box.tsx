"use client";

import { useEffect, useRef, useState } from "react";
import { Field } from "../../ui/field";
import { Input } from "../../ui/input";

const DEBOUNCE_MS = 300;

/**
 * The stream's search: asks once typing pauses (or at Enter), not at every key. The text follows the URL when the URL
 * changes from elsewhere (back, a link), and is kept while the search it just sent comes back.
 */
export function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value);
  // The search last sent (or read from the URL): a URL that differs from it changed from elsewhere.
  const [sent, setSent] = useState(value);
  if (value !== sent) {
    setSent(value);
    setText(value);
  }
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // A search still waiting when the page goes (a link was followed) is dropped, not sent to the next page's URL.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const send = (q: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setSent(q);
    if (q !== value) onSearch(q);
  };
  return (
    <form
      role="search"
      aria-label="Search issues"
      className="min-w-64 flex-1"
      onSubmit={(event) => {
        event.preventDefault();
        send(text);
      }}
    >
      <Field label="Search" hint="Title, exception type or culprit">
        <Input
          type="search"
          value={text}
          maxLength={200}
          placeholder="TypeError, card declined, checkout.views…"
          onChange={(event) => {
            const q = event.target.value;
            setText(q);
            if (timer.current) clearTimeout(timer.current);
            timer.current = setTimeout(() => send(q), DEBOUNCE_MS);
          }}
        />
      </Field>
    </form>
  );
}
