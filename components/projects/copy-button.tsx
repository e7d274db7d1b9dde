"use client";

import { useState } from "react";
import { Button } from "../ui/button";

/** Copies a text to the clipboard, and says so. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        size="xs"
        onClick={() =>
          navigator.clipboard.writeText(text).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {label}
      </Button>
      <span role="status" className="text-xs text-emerald-700">
        {copied ? "Copied" : ""}
      </span>
    </span>
  );
}
