"use client";

import { estimatorLabels, type Estimator } from "./format";

/** Which estimator of the overgrouping rate the page shows. */
export function EstimatorChoice({ value, onChange }: { value: Estimator; onChange: (value: Estimator) => void }) {
  return (
    <fieldset className="flex items-center gap-3 text-sm">
      <legend className="sr-only">Overgrouping estimator</legend>
      {(Object.keys(estimatorLabels) as Estimator[]).map((option) => (
        <label key={option} className="inline-flex items-center gap-1">
          <input
            type="radio"
            name="estimator"
            value={option}
            checked={value === option}
            onChange={() => onChange(option)}
          />
          {estimatorLabels[option]}
        </label>
      ))}
    </fieldset>
  );
}
