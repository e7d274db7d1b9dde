import "server-only";

/**
 * Whose turn it is on the embedded database's one session. A turn is one statement outside a transaction, or a whole
 * transaction from its first statement to its end; the turns waiting are served oldest first, except that an urgent
 * one (a statement a caller is waiting on: the inbox insert an SDK's answer waits for) goes before every ordinary
 * one queued. A turn in progress is never interrupted.
 */
export class SessionTurns {
  private held = false;
  private readonly urgent: (() => void)[] = [];
  private readonly ordinary: (() => void)[] = [];

  /** Resolves when it is the caller's turn; the caller must `end` it. */
  async take(urgent = false): Promise<void> {
    if (!this.held) {
      this.held = true;
      return;
    }
    await new Promise<void>((resolve) => (urgent ? this.urgent : this.ordinary).push(resolve));
  }

  /** Ends the current turn and starts the next one waiting. */
  end(): void {
    const next = this.urgent.shift() ?? this.ordinary.shift();
    if (next) next();
    else this.held = false;
  }

  /** Runs `work` in a turn of its own. */
  async run<T>(work: () => Promise<T>, urgent = false): Promise<T> {
    await this.take(urgent);
    try {
      return await work();
    } finally {
      this.end();
    }
  }
}
