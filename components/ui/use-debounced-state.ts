"use client";

import { useCallback, useRef, useState } from "react";

/**
 * A value that follows what it is set to once the setting has paused for `delayMs` (what is typed, sent to the server
 * only when the typing stops). Set from the event handlers that change it, so no effect is needed.
 */
export function useDebouncedState<T>(initial: T, delayMs: number): [T, (next: T) => void] {
  const [value, setValue] = useState(initial);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const set = useCallback(
    (next: T) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setValue(next), delayMs);
    },
    [delayMs],
  );
  return [value, set];
}
