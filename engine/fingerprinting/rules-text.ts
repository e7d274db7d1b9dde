/** The rules of a rules text, one a line (numbered from 1); a line that `parseLine` turns into null adds none. */
export function parseRulesText<Rule>(text: string, parseLine: (line: string, lineNo: number) => Rule | null): Rule[] {
  const rules: Rule[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const rule = parseLine(line, i + 1);
    if (rule) rules.push(rule);
  });
  return rules;
}
