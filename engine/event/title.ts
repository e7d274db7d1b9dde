import type { SentryEvent, SentryFrame } from "./schema";

const MAX_TITLE = 200;

function firstLine(value: string): string {
  return (
    value
      .split("\n")
      .find((line) => line.trim())
      ?.trim() ?? ""
  );
}

function mainException(event: SentryEvent) {
  const values = (event.exception?.values ?? []).filter((value) => value != null);
  // Chained exceptions are sent innermost first; Sentry titles the issue by the last one, the one that was raised.
  return values.at(-1) ?? null;
}

/** The issue title Sentry would show: "Type: first line of the value", else the message. */
export function eventTitle(event: SentryEvent): string {
  const exception = mainException(event);
  let title: string;
  if (exception?.type || exception?.value) {
    const value = exception.value ? firstLine(String(exception.value)) : "";
    title = exception.type ? (value ? `${exception.type}: ${value}` : exception.type) : value;
  } else {
    const message =
      typeof event.message === "string" ? event.message : (event.message?.formatted ?? event.message?.message);
    title =
      firstLine(event.logentry?.formatted ?? event.logentry?.message ?? message ?? "") ||
      event.title ||
      "<unlabeled event>";
  }
  return title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title;
}

function describeFrame(frame: SentryFrame): string | null {
  const where = frame.module ?? frame.filename ?? frame.abs_path;
  const what = frame.function;
  if (where && what) return `${where} in ${what}`;
  return where ?? what ?? null;
}

/** Where the error happened: the crashing in-app frame ("module in function"), else the transaction. */
export function eventCulprit(event: SentryEvent): string | null {
  const frames = (mainException(event)?.stacktrace?.frames ?? event.stacktrace?.frames ?? []).filter(
    (frame): frame is SentryFrame => frame != null,
  );
  const crash = [...frames].reverse().find((frame) => frame.in_app) ?? frames.at(-1);
  return (crash && describeFrame(crash)) ?? event.culprit ?? event.transaction ?? null;
}

/** The type of the exception that was raised, for the grouping service's exception_type. */
export function eventExceptionType(event: SentryEvent): string | null {
  return mainException(event)?.type ?? null;
}
