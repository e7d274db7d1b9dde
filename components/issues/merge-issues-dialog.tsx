"use client";

import { useState } from "react";
import { formatCount } from "@/lib/format";
import { MERGE_MAX_ISSUES, type MergeIssuesResponse } from "@/lib/contracts/issue-merge";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { useDebouncedState } from "../ui/use-debounced-state";
import { IssuePicker } from "./issue-picker";
import { MergeIssuesForm } from "./merge-issues-form";

const SEARCH_PAUSE_MS = 250;

interface Props {
  issue: { id: number; projectId: number; projectName: string; title: string };
  onMerged: (result: MergeIssuesResponse) => void;
}

function MergeForm({ issue, onMerged, onCancel }: Props & { onCancel: () => void }) {
  // What is typed, and what is searched: the latter once the typing pauses.
  const [typed, setTyped] = useState("");
  const [search, setSearch] = useDebouncedState("", SEARCH_PAUSE_MS);
  const [picked, setPicked] = useState<ReadonlyMap<number, string>>(new Map());
  const count = picked.size;
  return (
    <MergeIssuesForm
      label="Merge issues into this one"
      request={{ issueIds: [issue.id, ...picked.keys()], into: issue.id }}
      submitLabel={`Merge ${formatCount(count)} into this issue`}
      canSubmit={count > 0}
      onCancel={onCancel}
      onMerged={onMerged}
    >
      <Field label={`Search the issues of ${issue.projectName}`}>
        <Input
          type="search"
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
            setSearch(event.target.value);
          }}
          autoFocus
        />
      </Field>
      <IssuePicker
        projectId={issue.projectId}
        exclude={issue.id}
        search={search}
        picked={picked}
        onToggle={(candidate, checked) =>
          setPicked((current) => {
            const next = new Map(current);
            if (checked && next.size < MERGE_MAX_ISSUES - 1) next.set(candidate.id, candidate.title);
            else next.delete(candidate.id);
            return next;
          })
        }
      />
      <p className="text-sm text-slate-700">
        {count === 0
          ? "Pick the issues to merge into this one."
          : `${count} ${count === 1 ? "issue" : "issues"} picked: their hashes and events move here, and their links lead here. Recorded as your GROUP ${count === 1 ? "label" : "labels"}; audited.`}
      </p>
    </MergeIssuesForm>
  );
}

/** "Merge…" on an issue page: pick other issues of the project (searched by title) and merge them into this one. */
export function MergeIssuesDialog({ issue, onMerged }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={<Button>Merge…</Button>}
      title="Merge issues into this one"
      description={`Into “${issue.title}”: the issues you pick are merged into it and disappear.`}
    >
      <MergeForm
        issue={issue}
        onCancel={() => setOpen(false)}
        onMerged={(result) => {
          setOpen(false);
          onMerged(result);
        }}
      />
    </Dialog>
  );
}
