// Two releases of an app whose line numbers differ: release "b" is release "a" with comment lines inserted
// before some definitions (a different number each time), the way a refactor or a new docstring shifts a file.
import fs from "node:fs";
import path from "node:path";

const DEFINITION = {
  ".mjs": /^\s*(export\s+)?(async\s+)?(function\b|class\b|const\s+\w+\s*=\s*(async\s*)?\()/,
  ".py": /^\s*(async\s+def|def|class)\s/,
  ".java": /^\s*(public|private|protected|static|final|abstract|record|class|interface|@)[^;=]*(\(|\{)\s*$/,
  ".go": /^(func|type)\s/,
  ".rb": /^\s*(def|class|module)\s/,
  ".php": /^\s*((public|private|protected|static|final|abstract)\s+)*(function|class|interface)\s/,
};
const COMMENT = { ".mjs": "//", ".py": "#", ".java": "//", ".go": "//", ".rb": "#", ".php": "//" };

function shiftSource(text, extension, salt) {
  const pattern = DEFINITION[extension];
  if (!pattern) return text;
  const out = [];
  let count = salt;
  for (const line of text.split("\n")) {
    if (pattern.test(line)) {
      const indent = /^\s*/.exec(line)[0];
      const extra = count++ % 4;
      for (let i = 0; i < extra; i++) out.push(`${indent}${COMMENT[extension]} reviewed for release b (${i + 1}/${extra})`);
    }
    out.push(line);
  }
  return out.join("\n");
}

/** Copies `source` to `target` as the given release ("a" unchanged, "b" with shifted lines). */
export function layOutRelease(source, target, release) {
  fs.rmSync(target, { recursive: true, force: true });
  const copy = (from, to) => {
    fs.mkdirSync(to, { recursive: true });
    for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
      if (entry.name === "__pycache__") continue;
      const src = path.join(from, entry.name);
      const dst = path.join(to, entry.name);
      if (entry.isDirectory()) copy(src, dst);
      else {
        const extension = path.extname(entry.name);
        const text = fs.readFileSync(src, "utf8");
        fs.writeFileSync(dst, release === "b" ? shiftSource(text, extension, entry.name.length) : text);
      }
    }
  };
  copy(source, target);
}
