"use client";

import { CartesianGrid, ErrorBar, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DailyRow, Rate } from "@/lib/contracts/overgrouping";
import { percent } from "./format";

const MODEL_COLOURS = ["#4f46e5", "#d97706", "#059669", "#db2777"];

type Point = Record<string, string | number | [number, number] | null>;

/** One point per day, a value and its interval (as offsets, what ErrorBar draws) per model. */
function toPoints(rows: DailyRow[], models: string[], pick: (row: DailyRow) => Rate | null): Point[] {
  const days = [...new Set(rows.map((row) => row.day))].sort();
  return days.map((day) => {
    const point: Point = { day };
    for (const model of models) {
      const rate = rows.find((row) => row.day === day && row.model === model);
      const value = rate ? pick(rate) : null;
      point[model] = value ? value.value * 100 : null;
      point[`${model}Error`] = value ? [(value.value - value.low) * 100, (value.high - value.value) * 100] : null;
    }
    return point;
  });
}

interface DailyChartProps {
  title: string;
  yLabel: string;
  rows: DailyRow[];
  models: string[];
  pick: (row: DailyRow) => Rate | null;
}

/** A rate by day per model, with each day's Wilson 95% interval as an error bar; days without data are gaps. */
export function DailyChart({ title, yLabel, rows, models, pick }: DailyChartProps) {
  const points = toPoints(rows, models, pick);
  return (
    <figure aria-label={title} className="rounded-lg border border-slate-200 bg-white p-4">
      <figcaption className="mb-2 text-sm font-medium text-slate-700">{title}</figcaption>
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={points} margin={{ top: 8, right: 24, bottom: 28, left: 16 }}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis
            dataKey="day"
            tickFormatter={(day: string) => day.slice(5)}
            tick={{ fontSize: 12 }}
            minTickGap={16}
            label={{ value: "Day (UTC)", position: "insideBottom", offset: -16, fontSize: 12 }}
          />
          <YAxis
            domain={[0, 100]}
            tickFormatter={(value: number) => `${value}%`}
            tick={{ fontSize: 12 }}
            label={{
              value: yLabel,
              angle: -90,
              position: "insideLeft",
              offset: 4,
              fontSize: 12,
              style: { textAnchor: "middle" },
            }}
          />
          <Tooltip formatter={(value) => (typeof value === "number" ? percent(value / 100) : String(value))} />
          <Legend verticalAlign="top" height={28} />
          {models.map((model, index) => (
            <Line
              key={model}
              type="monotone"
              dataKey={model}
              name={model}
              stroke={MODEL_COLOURS[index % MODEL_COLOURS.length]}
              strokeWidth={2}
              dot={{ r: 3 }}
              connectNulls={false}
              isAnimationActive={false}
            >
              <ErrorBar
                dataKey={`${model}Error`}
                width={4}
                strokeWidth={1}
                stroke={MODEL_COLOURS[index % MODEL_COLOURS.length]}
                direction="y"
              />
            </Line>
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
