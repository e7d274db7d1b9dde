"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ThresholdCurve } from "@/lib/contracts/overgrouping";
import { percent } from "./format";

/** The two rates drawn against the threshold. */
const rates = [
  { dataKey: "precision", name: "precision (GROUP)", stroke: "#4f46e5" },
  { dataKey: "recall", name: "recall", stroke: "#d97706" },
] as const;

/** precision_GROUP and recall (%) against the threshold, with the current and the 95%-precision thresholds marked. */
export function ThresholdChart({ curve, targetPrecision }: { curve: ThresholdCurve; targetPrecision: number }) {
  const points = curve.points.map((point) => ({
    threshold: point.threshold,
    precision: point.precision === null ? null : point.precision * 100,
    recall: point.recall === null ? null : point.recall * 100,
  }));
  const top = Math.max(curve.currentThreshold ?? 0, ...curve.points.map((point) => point.threshold));
  const domainMax = Math.ceil(top * 1.1 * 10) / 10 || 0.1;
  // Round ticks (0.1 apart, 0.25 past a distance of 1), so that none crowds the axis's end.
  const step = domainMax > 1 ? 0.25 : 0.1;
  const ticks = Array.from({ length: Math.round(domainMax / step) + 1 }, (_, i) => Math.round(i * step * 100) / 100);
  return (
    <>
      <ChartKey curve={curve} targetPrecision={targetPrecision} />
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={points} margin={{ top: 28, right: 32, bottom: 28, left: 16 }}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis
            dataKey="threshold"
            type="number"
            domain={[0, domainMax]}
            ticks={ticks}
            tickFormatter={(value: number) => value.toFixed(2)}
            tick={{ fontSize: 12 }}
            label={{
              value: `Cosine distance threshold (${curve.model})`,
              position: "insideBottom",
              offset: -16,
              fontSize: 12,
            }}
          />
          <YAxis
            domain={[0, 100]}
            tickFormatter={(value: number) => `${value}%`}
            tick={{ fontSize: 12 }}
            label={{
              value: "Precision / recall",
              angle: -90,
              position: "insideLeft",
              offset: 4,
              fontSize: 12,
              style: { textAnchor: "middle" },
            }}
          />
          <Tooltip
            labelFormatter={(value) => `threshold ≤ ${Number(value).toFixed(4)}`}
            formatter={(value) => (typeof value === "number" ? percent(value / 100) : String(value))}
          />
          <ReferenceLine y={targetPrecision * 100} stroke="#94a3b8" strokeDasharray="4 4" />
          {curve.currentThreshold !== null ? (
            <ReferenceLine
              x={curve.currentThreshold}
              stroke="#0f172a"
              strokeWidth={2}
              label={{
                value: `current ${curve.currentThreshold.toFixed(3)}`,
                position: "top",
                fontSize: 11,
                fill: "#0f172a",
              }}
            />
          ) : null}
          {curve.atTarget ? (
            <ReferenceLine
              x={curve.atTarget.threshold}
              stroke="#059669"
              strokeDasharray="6 3"
              label={{
                value: `≥${Math.round(targetPrecision * 100)}% precision up to ${curve.atTarget.threshold.toFixed(3)}`,
                position: "insideBottomLeft",
                offset: 8,
                fontSize: 11,
                fill: "#047857",
              }}
            />
          ) : null}
          {rates.map((rate) => (
            <Line
              key={rate.dataKey}
              type="stepAfter"
              dataKey={rate.dataKey}
              name={rate.name}
              stroke={rate.stroke}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </>
  );
}

/** The chart's key in HTML, above the plot, so that no label of the chart can run into it. */
function ChartKey({ curve, targetPrecision }: { curve: ThresholdCurve; targetPrecision: number }) {
  const swatch = (colour: string, dashed = false) => (
    <span
      aria-hidden="true"
      className="inline-block w-5 border-t-2 align-middle"
      style={{ borderColor: colour, borderStyle: dashed ? "dashed" : "solid" }}
    />
  );
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
      <li>{swatch("#4f46e5")} precision (GROUP)</li>
      <li>{swatch("#d97706")} recall</li>
      <li>
        {swatch("#0f172a")} current threshold
        {curve.currentThreshold === null ? ": none" : ` ${curve.currentThreshold.toFixed(3)}`}
      </li>
      <li>
        {swatch("#059669", true)} loosest threshold with precision ≥ {Math.round(targetPrecision * 100)}%
      </li>
    </ul>
  );
}
