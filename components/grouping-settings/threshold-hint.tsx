import type { GroupingSettingsResponse } from "@/lib/contracts/grouping-settings";

type Calibrated = GroupingSettingsResponse["calibratedThresholds"][number];

/** What the override replaces (the model's calibrated thresholds), its limit, and an override kept for another model. */
export function ThresholdHint({ saved, calibrated }: { saved: GroupingSettingsResponse; calibrated?: Calibrated }) {
  const platforms = Object.entries(calibrated?.platformThresholds ?? {});
  const stored = saved.settings.aiThreshold;
  return (
    <>
      {calibrated ? (
        <>
          Calibrated for {calibrated.model}: {calibrated.threshold}
          {platforms.length
            ? ` (per platform: ${platforms.map(([platform, value]) => `${platform} ${value}`).join(", ")})`
            : ""}
          . Leave empty to use it.{" "}
        </>
      ) : null}
      At most {saved.limits.maxThreshold}; a lower value keeps more events apart, a higher one merges more.
      {stored && stored.model !== saved.projectModel ? (
        <>
          {" "}
          The saved override ({stored.threshold}) is for {stored.model}, which this project does not use now: it applies
          only when {stored.model} answers.
        </>
      ) : null}
    </>
  );
}
