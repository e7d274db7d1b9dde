"use client";

import { useState } from "react";
import { projectPlatformNames, projectPlatforms, type ProjectPlatform } from "@/lib/contracts/projects";
import { sdkSetup } from "@/lib/projects/sdk-setup";
import { ChoiceSelect } from "../ui/choice-select";
import { Field } from "../ui/field";
import { CopyButton } from "./copy-button";

function isProjectPlatform(platform: string): platform is ProjectPlatform {
  return (projectPlatforms as readonly string[]).includes(platform);
}

/** The install line and the start-up code of a platform's Sentry SDK with the project's DSN, to copy. */
export function SdkInstructions({ platform, dsn }: { platform: string; dsn: string }) {
  const [chosen, setChosen] = useState<ProjectPlatform>(isProjectPlatform(platform) ? platform : "python");
  const setup = sdkSetup(chosen, dsn);
  return (
    <div className="space-y-3">
      <Field label="SDK" className="max-w-xs">
        <ChoiceSelect
          value={chosen}
          onChange={(e) => setChosen(e.target.value as ProjectPlatform)}
          choices={projectPlatforms.map((p) => ({
            value: p,
            label: `${projectPlatformNames[p]} — ${sdkSetup(p, dsn).sdk}`,
          }))}
        />
      </Field>
      <div>
        <div className="flex items-center justify-between">
          <p className="text-xs font-medium text-slate-600">1. Install</p>
          <CopyButton text={setup.install} label="Copy the install command" />
        </div>
        <pre className="mt-1 overflow-x-auto rounded bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100">
          {setup.install}
        </pre>
      </div>
      <div>
        <div className="flex items-center justify-between">
          <p className="text-xs font-medium text-slate-600">2. Start the SDK when the application starts</p>
          <CopyButton text={setup.code} label="Copy the setup code" />
        </div>
        <pre
          aria-label={`${projectPlatformNames[chosen]} setup code`}
          className="mt-1 overflow-x-auto rounded bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100"
        >
          {setup.code}
        </pre>
      </div>
    </div>
  );
}
