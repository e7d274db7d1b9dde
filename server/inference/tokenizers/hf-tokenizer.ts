import "server-only";
import fs from "node:fs";
import path from "node:path";
import { Tokenizer } from "@huggingface/tokenizers";

/**
 * An external sentence-transformer's tokenizer, read from its `tokenizer.json` (and `tokenizer_config.json`
 * when present) by the maintained Hugging Face tokenizer library, truncated to the model's max length.
 */
export interface WordPieceTokens {
  ids: number[];
  mask: number[];
  typeIds: number[];
}

export class TokenizerJson {
  private readonly tokenizer: Tokenizer;

  constructor(
    directory: string,
    file: string,
    private readonly maxLength: number,
  ) {
    const json: unknown = JSON.parse(fs.readFileSync(path.join(directory, file), "utf8"));
    const configPath = path.join(directory, "tokenizer_config.json");
    const config: unknown = fs.existsSync(configPath) ? JSON.parse(fs.readFileSync(configPath, "utf8")) : {};
    this.tokenizer = new Tokenizer(json as object, config as object);
  }

  encode(text: string): WordPieceTokens {
    const encoding = this.tokenizer.encode(text, { return_token_type_ids: true });
    const n = Math.min(encoding.ids.length, this.maxLength);
    return {
      ids: encoding.ids.slice(0, n),
      mask: encoding.attention_mask.slice(0, n),
      typeIds: (encoding.token_type_ids ?? []).slice(0, n),
    };
  }
}
