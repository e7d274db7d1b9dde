import "server-only";

export interface ReplyInit {
  status?: number;
  headers?: Readonly<Record<string, string>>;
}

/**
 * A typed answer with a status or headers of its own (201 for a creation, a Set-Cookie): handlers return the body
 * their endpoint's response schema types, wrapped in a Reply when the defaults (the endpoint's status, no extra
 * headers) will not do. Its private field makes it nominal: a plain object of the same shape is not a Reply.
 */
export class Reply<T> {
  constructor(
    readonly body: T,
    private readonly init: ReplyInit = {},
  ) {}

  get status(): number | undefined {
    return this.init.status;
  }

  get headers(): Readonly<Record<string, string>> | undefined {
    return this.init.headers;
  }
}

export function reply<T>(body: T, init: ReplyInit): Reply<T> {
  return new Reply(body, init);
}
