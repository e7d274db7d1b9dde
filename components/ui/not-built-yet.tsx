import { EmptyState } from "./states";

/** A section of the console whose feature has not been built yet; says so plainly instead of pretending. */
export function NotBuiltYet() {
  return (
    <EmptyState title="Not available yet">
      This part of the console is not built yet; the page header says what it will show.
    </EmptyState>
  );
}
