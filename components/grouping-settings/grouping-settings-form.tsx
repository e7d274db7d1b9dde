"use client";

import { useWatch } from "react-hook-form";
import {
  aiThresholdOverrideSchema,
  groupingSettingsRequestSchema,
  type GroupingSettings,
  type GroupingSettingsRequest,
  type GroupingSettingsResponse,
  type RulesProblem,
} from "@/lib/contracts/grouping-settings";
import {
  useGroupingPreviewQuery,
  useGroupingRulesValidationQuery,
  useUpdateGroupingSettingsMutation,
} from "@/lib/queries/grouping-settings";
import { Button } from "../ui/button";
import { fieldError, showServerError, useContractForm } from "../ui/contract-form";
import { Field } from "../ui/field";
import { FormError } from "../ui/form-error";
import { Input } from "../ui/input";
import { Textarea } from "../ui/textarea";
import { useDebouncedState } from "../ui/use-debounced-state";
import { PreviewPanel } from "./preview-panel";
import { ThresholdHint } from "./threshold-hint";

/** How long typing must pause before the rules are checked and previewed. */
const PAUSE_MS = 400;

const FIELDS = ["fingerprintRules", "stackTraceRules", "aiThresholdOverride"] as const;

function formValues(settings: GroupingSettings): GroupingSettingsRequest {
  return {
    fingerprintRules: settings.fingerprintRules,
    stackTraceRules: settings.stackTraceRules,
    aiThresholdOverride: settings.aiThreshold?.threshold ?? null,
  };
}

const describeProblem = (problem: RulesProblem | null | undefined) =>
  problem ? `Line ${problem.line}, column ${problem.column}: ${problem.message}` : undefined;

const sameSettings = (a: GroupingSettingsRequest, b: GroupingSettingsRequest) =>
  a.fingerprintRules === b.fingerprintRules &&
  a.stackTraceRules === b.stackTraceRules &&
  Object.is(a.aiThresholdOverride, b.aiThresholdOverride);

const thresholdValue = (raw: unknown) => (raw === "" || raw === null || raw === undefined ? null : Number(raw));

/**
 * The grouping settings form: two rules texts checked as they are typed (the first problem of each, by line and
 * column, beside it), the threshold override, Save (only while everything reads), and the preview of the candidate
 * settings on the project's recent events. Read-only for those who cannot change them.
 */
export function GroupingSettingsForm({
  projectId,
  saved,
  canEdit,
}: {
  projectId: number;
  saved: GroupingSettingsResponse;
  canEdit: boolean;
}) {
  const form = useContractForm(groupingSettingsRequestSchema, { defaultValues: formValues(saved.settings) });
  const live = useWatch({ control: form.control }) as GroupingSettingsRequest;
  const [candidate, setCandidate] = useDebouncedState(formValues(saved.settings), PAUSE_MS);
  const update = useUpdateGroupingSettingsMutation(projectId);

  const rules = { fingerprintRules: candidate.fingerprintRules, stackTraceRules: candidate.stackTraceRules };
  const validation = useGroupingRulesValidationQuery(projectId, rules, canEdit);
  const checked = validation.isSuccess && !validation.isPlaceholderData ? validation.data : undefined;
  const rulesRead = checked !== undefined && checked.fingerprintRules === null && checked.stackTraceRules === null;
  const thresholdCheck = aiThresholdOverrideSchema.nullable().safeParse(candidate.aiThresholdOverride);
  // Typing has paused and the checks below are about what the form holds now.
  const settled = sameSettings(candidate, live);
  const preview = useGroupingPreviewQuery(projectId, candidate, canEdit && rulesRead && thresholdCheck.success);

  const typed = () => setCandidate(form.getValues());
  const submit = form.handleSubmit((values) =>
    update.mutate(values, {
      onSuccess: (response) => form.reset(formValues(response.settings)),
      onError: (error) => showServerError(form, error, FIELDS),
    }),
  );
  const problem = (name: "fingerprintRules" | "stackTraceRules") =>
    describeProblem(validation.data?.[name]) ?? fieldError(form, name);
  const projectModel = saved.projectModel;
  const calibrated = saved.calibratedThresholds.find((entry) => entry.model === projectModel);
  const canSave = canEdit && settled && rulesRead && thresholdCheck.success && form.formState.isDirty;

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
      <form onSubmit={submit} noValidate aria-label="Grouping settings" className="space-y-5">
        <Field
          label="Fingerprint rules"
          hint={`One rule a line: matchers -> fingerprint, e.g. error.type:DatabaseError -> database-down. At most ${saved.limits.maxRules} rules; patterns of at most ${saved.limits.maxPatternChars} characters.`}
          error={problem("fingerprintRules")}
        >
          <Textarea
            rows={8}
            spellCheck={false}
            readOnly={!canEdit}
            className="font-mono text-xs"
            {...form.register("fingerprintRules", { onChange: typed })}
          />
        </Field>
        <Field
          label="Stack trace rules"
          hint="One rule a line: frame matchers, then actions, e.g. module:vendor.* -app or function:retry* -group."
          error={problem("stackTraceRules")}
        >
          <Textarea
            rows={6}
            spellCheck={false}
            readOnly={!canEdit}
            className="font-mono text-xs"
            {...form.register("stackTraceRules", { onChange: typed })}
          />
        </Field>
        <Field
          label={`AI distance threshold override (${projectModel})`}
          hint={<ThresholdHint saved={saved} calibrated={calibrated} />}
          error={
            thresholdCheck.success ? fieldError(form, "aiThresholdOverride") : thresholdCheck.error.issues[0]?.message
          }
        >
          <Input
            inputMode="decimal"
            autoComplete="off"
            placeholder={calibrated ? `${calibrated.threshold} (calibrated)` : "the model's own"}
            readOnly={!canEdit}
            className="font-mono"
            {...form.register("aiThresholdOverride", { setValueAs: thresholdValue, onChange: typed })}
          />
        </Field>
        {canEdit ? (
          <div className="flex items-center gap-3">
            <Button
              type="submit"
              variant="primary"
              className="shrink-0 whitespace-nowrap"
              disabled={!canSave || update.isPending}
            >
              Save settings
            </Button>
            <p role="status" className="text-sm text-slate-600">
              {!settled || validation.isFetching
                ? "Checking the rules…"
                : !rulesRead
                  ? "Fix the rules to save them."
                  : update.isSuccess && !form.formState.isDirty
                    ? "Saved: the next event is grouped by these settings."
                    : ""}
            </p>
          </div>
        ) : (
          <p className="text-sm text-slate-600">Only an admin can change these settings.</p>
        )}
        <FormError message={form.formState.errors.root?.server?.message} />
      </form>
      {canEdit ? <PreviewPanel query={preview} enabled={rulesRead && thresholdCheck.success} /> : null}
    </div>
  );
}
