import "server-only";
import { tokenHash, wordPieces } from "./hashing";

/**
 * v1's tokenizer: a hashing vectorizer over the whole embedding text. Features are the presence of each word
 * piece and of its character trigrams (fastText-style subwords), signed-hashed into `features` buckets. It
 * knows nothing about frames or their order, so like a generic text-embedding model it finds traces that
 * share most of their words close, whichever frames those words come from.
 */
export interface LexicalTokenizerOptions {
  features: number;
}

export function lexicalTokens(text: string): Set<string> {
  const tokens = new Set<string>();
  for (const piece of wordPieces(text)) {
    tokens.add(piece);
    const padded = `<${piece}>`;
    for (let i = 0; i + 3 <= padded.length; i++) tokens.add(`#${padded.slice(i, i + 3)}`);
  }
  return tokens;
}

export class LexicalHashTokenizer {
  constructor(readonly options: LexicalTokenizerOptions) {}

  encode(text: string): Float32Array {
    const { features } = this.options;
    const vector = new Float32Array(features);
    for (const token of lexicalTokens(text)) {
      const hash = tokenHash(token);
      const bucket = hash % features;
      vector[bucket] = (vector[bucket] ?? 0) + (hash & 0x80000000 ? -1 : 1);
    }
    return vector;
  }
}
