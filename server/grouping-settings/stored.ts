import "server-only";
import type { GroupingSettings } from "@/lib/contracts/grouping-settings";
import type { FingerprintOptions } from "@/engine/fingerprinting";
import {
  fingerprintRulesProblem,
  stackTraceRulesProblem,
  type RulesProblem,
} from "@/engine/fingerprinting/project-rules";
import type { Transaction } from "../db/client";
import { NotFoundError } from "../http/errors";

/** The columns of projects that hold its grouping settings. */
export const SETTINGS_FIELDS = {
  fingerprintRules: true,
  stackTraceRules: true,
  aiThresholdOverride: true,
  aiThresholdModel: true,
} as const;

export interface SettingsRow {
  fingerprintRules: string;
  stackTraceRules: string;
  aiThresholdOverride: number | null;
  aiThresholdModel: string | null;
}

/** No rules and no override: what a project has until someone saves settings. */
export const DEFAULT_SETTINGS: GroupingSettings = { fingerprintRules: "", stackTraceRules: "", aiThreshold: null };

export function settingsOf(row: SettingsRow): GroupingSettings {
  return {
    fingerprintRules: row.fingerprintRules,
    stackTraceRules: row.stackTraceRules,
    aiThreshold:
      row.aiThresholdOverride !== null && row.aiThresholdModel !== null
        ? { model: row.aiThresholdModel, threshold: row.aiThresholdOverride }
        : null,
  };
}

/** A project's stored grouping settings; NotFoundError when there is no such project. */
export async function readSettings(client: Transaction, projectId: number): Promise<GroupingSettings> {
  const row = await client.project.findUnique({ where: { id: projectId }, select: SETTINGS_FIELDS });
  if (!row) throw new NotFoundError(`There is no project with id ${projectId}.`);
  return settingsOf(row);
}

/**
 * What fingerprinting takes of the settings. The texts were checked when saved; one that no longer reads (a later
 * version of the rules' syntax) is left out, and named in `unreadable`, rather than failing every event of the project.
 */
export function fingerprintOptionsOf(settings: GroupingSettings): FingerprintOptions & {
  unreadable: { fingerprintRules: RulesProblem | null; stackTraceRules: RulesProblem | null } | null;
} {
  const fingerprintProblem = fingerprintRulesProblem(settings.fingerprintRules);
  const stackTraceProblem = stackTraceRulesProblem(settings.stackTraceRules);
  return {
    fingerprintingRules: fingerprintProblem ? "" : settings.fingerprintRules,
    enhancements: stackTraceProblem ? "" : settings.stackTraceRules,
    unreadable:
      fingerprintProblem || stackTraceProblem
        ? { fingerprintRules: fingerprintProblem, stackTraceRules: stackTraceProblem }
        : null,
  };
}
