import "server-only";
import { fnv1a, wordPieces } from "./hashing";

/**
 * v1's tokenizer: a plain hashing vectorizer over the whole embedding text, word pieces and word-piece
 * bigrams, signed hashing into `features` buckets, sublinear counts. It knows nothing about frames, so like
 * a generic text-embedding model it finds traces that share most of their text close.
 */
export interface LexicalTokenizerOptions {
  features: number;
}

export class LexicalHashTokenizer {
  constructor(readonly options: LexicalTokenizerOptions) {}

  encode(text: string): Float32Array {
    const { features } = this.options;
    const counts = new Float32Array(features);
    const pieces = wordPieces(text);
    const bump = (token: string) => {
      const hash = fnv1a(token);
      const sign = hash & 0x80000000 ? -1 : 1;
      counts[hash % features] = (counts[hash % features] ?? 0) + sign;
    };
    pieces.forEach((piece, i) => {
      bump(piece);
      const next = pieces[i + 1];
      if (next) bump(`${piece} ${next}`);
    });
    for (let i = 0; i < features; i++) {
      const c = counts[i] ?? 0;
      counts[i] = Math.sign(c) * Math.sqrt(Math.abs(c));
    }
    return counts;
  }
}
