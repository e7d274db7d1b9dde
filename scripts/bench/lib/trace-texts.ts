import { buildEmbeddingText } from "@/engine/embedding-text";
import { parseEvent } from "@/engine/event/schema";
import { generateCorpus } from "@/server/training/synthetic";

/**
 * `count` embedding texts of synthetic events (server/training/synthetic.ts) over `apps` applications, from `seed`.
 * Past the corpus's own texts, each one again with its first line varied (` #1`, ` #2`, …): distinct traces, near
 * the one they vary, as the same error with another message.
 */
export function traceTexts(seed: string, count: number, apps: number): string[] {
  const corpus = generateCorpus({ seed, apps, eventsPerRootCause: [2, 4] });
  const texts: string[] = [];
  for (const item of corpus.events) {
    const parsed = parseEvent(item.event);
    // Events without a usable stacktrace have no embedding text; the API rightly refuses an empty one.
    const text = parsed.ok ? buildEmbeddingText(parsed.event) : "";
    if (text.trim()) texts.push(text);
  }
  const out: string[] = [];
  for (let i = 0; out.length < count; i += 1) {
    const base = texts[i % texts.length]!;
    out.push(i < texts.length ? base : base.replace(/^([^\n]*)/, `$1 #${Math.floor(i / texts.length)}`));
  }
  return out;
}
