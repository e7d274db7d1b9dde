"use client";

import { formatCount, formatDateTime } from "@/lib/format";
import type { ModelSummary } from "@/lib/contracts/models";
import { useModelsQuery } from "@/lib/queries/models";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import { ModelActions } from "./model-actions";
import { RegisterModelForm } from "./register-model-form";

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

const STATUS_STYLE: Record<ModelSummary["status"], string> = {
  stable: "bg-emerald-100 text-emerald-800",
  next: "bg-indigo-100 text-indigo-800",
  retired: "bg-slate-200 text-slate-600",
};

function ModelCard({ model, pairs, isAdmin }: { model: ModelSummary; pairs: number | null; isAdmin: boolean }) {
  return (
    <section aria-label={`Model ${model.version}`} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-lg font-semibold">
        {model.version}{" "}
        <span className={`ml-1 rounded px-2 py-0.5 text-xs font-medium uppercase ${STATUS_STYLE[model.status]}`}>
          {model.status}
        </span>
        <span className="ml-2 text-xs font-normal text-slate-500">
          {model.source === "registered"
            ? `registered${model.registeredBy ? ` by ${model.registeredBy}` : ""}${model.registeredAt ? ` on ${formatDateTime(model.registeredAt)}` : ""}`
            : "built in (models/)"}
        </span>
      </h2>
      {model.description ? <p className="mt-1 text-sm text-slate-600">{model.description}</p> : null}
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm md:grid-cols-4">
        <dt className="text-slate-500">Dimensions</dt>
        <dd>
          {model.dimensionProduced} produced, {model.dimensionStored} stored
        </dd>
        <dt className="text-slate-500">Distance threshold</dt>
        <dd className="tabular-nums">{model.threshold}</dd>
        <dt className="text-slate-500">Tokenizer</dt>
        <dd>{model.tokenizer}</dd>
        <dt className="text-slate-500">Indexed records</dt>
        <dd className="tabular-nums">{formatCount(model.indexedRecords)}</dd>
        <dt className="text-slate-500">Column and index</dt>
        <dd>
          {model.column}, {model.indexPresent ? "HNSW index" : "index dropped"}
        </dd>
        <dt className="text-slate-500">Projects on it</dt>
        <dd className="tabular-nums">
          {model.status === "stable" ? "all without a flag" : formatCount(model.projects)}
        </dd>
      </dl>
      {model.ddl.length ? (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-slate-600">DDL regroup ran for it ({model.ddl.length})</summary>
          <ul className="mt-1 space-y-1">
            {model.ddl.map((statement) => (
              <li key={statement.ranAt + statement.sql}>
                <code className="block whitespace-pre-wrap break-all text-xs">{statement.sql}</code>
                <span className="text-xs text-slate-500">{formatDateTime(statement.ranAt)}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {model.evaluation.length ? (
        <table className="mt-4 w-full text-sm">
          <caption className="mb-1 text-left text-xs text-slate-500">
            Evaluation on applications the model never trained on{pairs ? ` (${formatCount(pairs)} labeled pairs)` : ""}{" "}
            (npm run train / npm run eval)
          </caption>
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col">Dims</th>
              <th scope="col">Threshold</th>
              <th scope="col">Precision (GROUP)</th>
              <th scope="col">Recall</th>
              <th scope="col">Recall at 95% precision</th>
              <th scope="col">ROC AUC</th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {model.evaluation.map((row) => (
              <tr key={row.dims} className={row.dims === model.dimensionStored ? "font-semibold" : ""}>
                <td>{row.dims}</td>
                <td>{row.threshold.toFixed(4)}</td>
                <td>{percent(row.precision)}</td>
                <td>{percent(row.recall)}</td>
                <td>{percent(row.recallAtP95)}</td>
                <td>{row.auc.toFixed(3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mt-3 text-sm text-slate-500">No evaluation report yet: run npm run train.</p>
      )}
      {isAdmin ? <ModelActions model={model} /> : null}
    </section>
  );
}

/**
 * The embedding models of the registry, with what they index and how they did on pairs of applications they never
 * trained on; admins register new ones, promote, retire, and drop retired models' indexes.
 */
export function ModelsView({ isAdmin }: { isAdmin: boolean }) {
  const query = useModelsQuery();
  if (query.isPending) return <LoadingState label="Loading models…" />;
  if (query.isError) return <ErrorState title="Could not load the models." error={query.error} />;
  if (query.data.models.length === 0)
    return <EmptyState title="No models">Put a model under models/&lt;version&gt;/.</EmptyState>;
  return (
    <div className="space-y-4">
      {query.data.models.map((model) => (
        <ModelCard key={model.version} model={model} pairs={query.data.evaluationPairs} isAdmin={isAdmin} />
      ))}
      {isAdmin ? <RegisterModelForm /> : null}
    </div>
  );
}
