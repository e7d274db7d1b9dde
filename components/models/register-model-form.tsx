"use client";

import { useState, type FormEvent } from "react";
import type { ModelDdlResponse } from "@/lib/contracts/models";
import { useRegisterModelMutation } from "@/lib/queries/models";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { FormError } from "../ui/form-error";
import { Input } from "../ui/input";

const FILES = [
  { name: "config", label: "config.json", accept: ".json,application/json", required: true },
  { name: "model", label: "model.onnx", accept: ".onnx", required: true },
  { name: "tokenizer", label: "tokenizer.json (when its config names one)", accept: ".json", required: false },
  {
    name: "evaluation",
    label: "evaluation.json (npm run train's report, naming this version)",
    accept: ".json",
    required: false,
  },
] as const;

/**
 * Registers a trained model (the folder `npm run train` writes): regroup checks it (its config, its tokenizer, a test
 * embedding), adds its column and HNSW index to the grouping index and lists it as a next model.
 */
export function RegisterModelForm() {
  const register = useRegisterModelMutation();
  const [done, setDone] = useState<ModelDdlResponse | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData();
    for (const file of FILES) {
      const input = form.elements.namedItem(file.name) as HTMLInputElement;
      const chosen = input.files?.[0];
      if (chosen) data.append(file.name, chosen, chosen.name);
    }
    setDone(null);
    register.mutate(data, {
      onSuccess: (answer) => {
        setDone(answer);
        form.reset();
      },
    });
  };
  return (
    <section aria-label="Register a model" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-lg font-semibold">Register a trained model</h2>
      <p className="mt-1 text-sm text-slate-600">
        The files of a model folder (as <code>npm run train</code> writes them). regroup embeds a test trace with it,
        then adds its vector column and HNSW index to the grouping index; it starts as a next model, which projects can
        be flipped to on the Rollout page, with fallback to the stable model.
      </p>
      <form onSubmit={submit} className="mt-3 grid gap-3 md:grid-cols-2">
        {FILES.map((file) => (
          <Field key={file.name} label={file.label}>
            <Input
              type="file"
              name={file.name}
              accept={file.accept}
              required={file.required}
              className="file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-2 file:py-1"
            />
          </Field>
        ))}
        <div className="md:col-span-2">
          <FormError message={register.error?.message} />
          <Button type="submit" variant="primary" disabled={register.isPending} className="mt-2">
            {register.isPending ? "Checking and registering…" : "Register"}
          </Button>
        </div>
      </form>
      {done ? (
        <div role="status" className="mt-3 rounded bg-emerald-50 p-3 text-sm text-emerald-900">
          <p>
            Registered {done.version} (column {done.column}). DDL run:
          </p>
          <pre className="mt-1 whitespace-pre-wrap text-xs">{done.ddl.join(";\n")};</pre>
        </div>
      ) : null}
    </section>
  );
}
