import "server-only";

// Reads back the structure of an embedding text (engine/embedding-text's format, Sentry's): exception
// headers "{type}: {value}", most recent first, frames `  File "{file}", function {function}` and
// their context lines indented below. A text without a header starts at its first frame, unindented.

export interface ParsedFrame {
  file: string;
  function: string;
  context: string;
}

export interface ParsedException {
  type: string;
  value: string;
  frames: ParsedFrame[];
}

const FRAME = /^\s*File "(.*)", function (.*)$/;

export function parseEmbeddingText(text: string): ParsedException[] {
  const blocks: ParsedException[] = [];
  let current: ParsedException | undefined;
  let lastFrame: ParsedFrame | undefined;
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    const frame = FRAME.exec(line);
    if (frame) {
      current ??= blocks[blocks.push({ type: "", value: "", frames: [] }) - 1];
      lastFrame = { file: frame[1] ?? "", function: (frame[2] ?? "").trim(), context: "" };
      current?.frames.push(lastFrame);
    } else if (/^\s/.test(line) && lastFrame) {
      lastFrame.context = lastFrame.context ? `${lastFrame.context} ${line.trim()}` : line.trim();
    } else if (/^\s/.test(line) && current) {
      current.value += ` ${line.trim()}`;
    } else {
      const split = line.indexOf(": ");
      current =
        split > 0
          ? { type: line.slice(0, split), value: line.slice(split + 2), frames: [] }
          : { type: line.replace(/:$/, ""), value: "", frames: [] };
      blocks.push(current);
      lastFrame = undefined;
    }
  }
  return blocks;
}
