"use client";

import type { IssueCreatedFilter } from "@/lib/contracts/issues";
import type { IssueOrder, IssueSort } from "@/lib/contracts/issue-cursor";
import type { IssueStreamView } from "@/lib/issues/stream-view";
import { Button } from "../../ui/button";
import { ChoiceSelect } from "../../ui/choice-select";
import { Field } from "../../ui/field";
import { Input } from "../../ui/input";
import { SearchBox } from "./search-box";

const createdChoices: { value: IssueCreatedFilter; label: string }[] = [
  { value: "fingerprint", label: "New fingerprint (no AI step)" },
  { value: "new", label: "New after the AI step" },
  { value: "ai_merge", label: "AI merged into it" },
];

const sortChoices: { value: IssueSort; label: string }[] = [
  { value: "last_seen", label: "Last seen" },
  { value: "events", label: "Events" },
  { value: "first_seen", label: "First seen" },
];

const orderChoices: { value: IssueOrder; label: string }[] = [
  { value: "desc", label: "Newest or most first" },
  { value: "asc", label: "Oldest or fewest first" },
];

/** The stream's search, filters and sort; each change goes to `onChange` (which starts again at the first page). */
export function StreamControls({
  view,
  models,
  filtered,
  onChange,
}: {
  view: IssueStreamView;
  /** The model versions to filter by. */
  models: string[];
  filtered: boolean;
  onChange: (changes: Partial<IssueStreamView>) => void;
}) {
  return (
    <div className="mb-3 space-y-3 rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-start gap-4">
        <SearchBox value={view.q} onSearch={(q) => onChange({ q })} />
        <Field label="Sort by">
          <ChoiceSelect
            value={view.sort}
            onChange={(event) => onChange({ sort: event.target.value as IssueSort })}
            choices={sortChoices}
          />
        </Field>
        <Field label="Order">
          <ChoiceSelect
            value={view.order}
            onChange={(event) => onChange({ order: event.target.value as IssueOrder })}
            choices={orderChoices}
          />
        </Field>
      </div>
      <div aria-label="Filters" role="group" className="flex flex-wrap items-end gap-4">
        <Field label="Created">
          <ChoiceSelect
            value={view.created ?? ""}
            onChange={(event) => onChange({ created: (event.target.value || null) as IssueCreatedFilter | null })}
            noChoice={{ value: "", label: "Any way" }}
            choices={createdChoices}
          />
        </Field>
        <Field label="Model">
          <ChoiceSelect
            value={view.model ?? ""}
            onChange={(event) => onChange({ model: event.target.value || null })}
            noChoice={{ value: "", label: "Any model" }}
            choices={view.model && !models.includes(view.model) ? [...models, view.model] : models}
          />
        </Field>
        <Field label="First seen from">
          <Input
            type="date"
            value={view.from ?? ""}
            onChange={(event) => onChange({ from: event.target.value || null })}
          />
        </Field>
        <Field label="First seen to">
          <Input type="date" value={view.to ?? ""} onChange={(event) => onChange({ to: event.target.value || null })} />
        </Field>
        {filtered ? (
          <Button
            className="mb-0.5"
            onClick={() => onChange({ q: "", created: null, model: null, from: null, to: null })}
          >
            Clear the search and filters
          </Button>
        ) : null}
      </div>
    </div>
  );
}
