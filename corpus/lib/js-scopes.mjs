// The function scopes of a (minified) JavaScript file and the names they would be called by, as Sentry's
// source map cache names them: a declared name, else the binding, assignment target, property or class member
// the function is given to; a scope with none of these is `<anonymous>`.
import { parseSync } from "oxc-parser";

const FUNCTION_TYPES = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);

const part = (node) => (node?.type === "Identifier" ? { offset: node.start, text: node.name } : null);
const keyPart = (key) =>
  key?.type === "Identifier" || key?.type === "PrivateIdentifier"
    ? { offset: key.start, text: key.name }
    : key?.type === "Literal"
      ? { offset: key.start, text: String(key.value) }
      : null;

function memberParts(node) {
  if (node.type === "Identifier") return [part(node)];
  if (node.type === "ThisExpression") return [{ offset: node.start, text: "this" }];
  if (node.type === "MemberExpression" && !node.computed) {
    const object = memberParts(node.object);
    const property = keyPart(node.property);
    return object && property ? [...object, property] : null;
  }
  return null;
}

function namePartsOf(node, parent, className) {
  if (node.id) return { parts: [part(node.id)] };
  if (!parent) return null;
  if (parent.type === "VariableDeclarator" && parent.init === node && parent.id.type === "Identifier") return { parts: [part(parent.id)] };
  if (parent.type === "AssignmentExpression" && parent.right === node) {
    const parts = memberParts(parent.left);
    return parts ? { parts } : null;
  }
  if (parent.type === "Property" && parent.value === node) {
    const key = keyPart(parent.key);
    return key ? { parts: [key] } : null;
  }
  if ((parent.type === "MethodDefinition" || parent.type === "PropertyDefinition") && parent.value === node) {
    const key = keyPart(parent.key);
    if (!key) return null;
    if (parent.kind === "constructor") return { parts: className ? [className] : [key], prefix: "new " };
    return { parts: className ? [className, key] : [key] };
  }
  return null;
}

/** Every function scope of `source`: `{start, end, render(originalName)}`, ordered by start. */
export function functionScopes(source) {
  const { program } = parseSync("bundle.js", source, { sourceType: "script" });
  const scopes = [];
  const visit = (node, parent, className) => {
    if (!node || typeof node.type !== "string") return;
    let currentClass = className;
    if (node.type === "ClassDeclaration" || node.type === "ClassExpression") {
      currentClass = part(node.id) ?? (parent?.type === "VariableDeclarator" ? part(parent.id) : null);
    }
    if (FUNCTION_TYPES.has(node.type)) {
      const named = namePartsOf(node, parent, className);
      scopes.push({
        start: node.start,
        end: node.end,
        render: (originalName) =>
          named?.parts.every(Boolean) ? `${named.prefix ?? ""}${named.parts.map((p) => originalName(p.offset, p.text)).join(".")}` : "<anonymous>",
      });
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === "type" || key === "start" || key === "end") continue;
      if (Array.isArray(value)) for (const child of value) visit(child, node, currentClass);
      else if (value && typeof value === "object") visit(value, node, currentClass);
    }
  };
  visit(program, null, null);
  return scopes.sort((a, b) => a.start - b.start);
}

/** The innermost scope around `offset`, if any. */
export function scopeAt(scopes, offset) {
  let found;
  for (const scope of scopes) {
    if (scope.start > offset) break;
    if (offset < scope.end && (!found || scope.start >= found.start)) found = scope;
  }
  return found;
}
