// Module resolution hook: resolve "server-only" to an empty module (see register.mjs).
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") {
    return { url: "data:text/javascript,export{}", shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
