"use client";

import { Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { FallbackDay } from "@/lib/contracts/rollout";

/** A project's fallback rate per day (v2 lookups answered by v1), last 30 days. */
export function FallbackChart({ days }: { days: FallbackDay[] }) {
  if (days.length === 0)
    return <p className="text-xs text-slate-500">No v2 lookups in the last 30 days: no fallback rate to show.</p>;
  const data = days.map((d) => ({ ...d, percent: Math.round(d.rate * 1000) / 10 }));
  return (
    <figure>
      <figcaption className="text-xs font-semibold">Fallback rate by day</figcaption>
      <div
        className="h-28"
        role="img"
        aria-label={`Fallback rate over ${days.length} days, latest ${data.at(-1)!.percent}%`}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -20 }}>
            <XAxis dataKey="day" tick={{ fontSize: 10 }} />
            <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 10 }} />
            <Tooltip />
            <Line type="monotone" dataKey="percent" stroke="#6366f1" dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
