// The fake's $filter subset: `onboardingStatus eq '…'`, `displayName eq '…'` and `startswith(displayName,'…')`, joined
// by `and` (any case). Quotes are doubled inside a literal, as OData writes them. One pass over the text makes the
// tokens, one over the tokens makes the clauses: time grows with the length, whatever the text (the earlier reader
// re-scanned the rest of the filter at every blank: 6.6 s for 80,000 characters of spaces).
import { quote } from "./replies.js";

export class QueryError extends Error {}

type Token = { kind: "word" | "literal" | "punct"; text: string; start: number; end: number };
type Matcher = (partner: Record<string, unknown>) => boolean;

const SUPPORTED = "it supports onboardingStatus eq '…', displayName eq '…' and startswith(displayName,'…'), joined by and.";

export function readFilter(value: string | null): Matcher {
  if (value === null || value.trim() === "") return () => true;
  const tokens = tokenize(value);
  const clauses: Matcher[] = [];
  let from = 0;
  while (from < tokens.length) {
    let to = from;
    while (to < tokens.length && !isAnd(tokens[to]!)) to++;
    const clause = tokens.slice(from, to);
    const matcher = clauseMatcher(clause);
    if (!matcher) {
      const text = clause.length ? value.slice(clause[0]!.start, clause.at(-1)!.end) : "";
      throw new QueryError(`The fake does not support the filter '${quote(text)}': ${SUPPORTED}`);
    }
    clauses.push(matcher);
    from = to + 1;
    if (to < tokens.length && from === tokens.length) throw new QueryError(`The filter ends with 'and': ${SUPPORTED}`);
  }
  return (partner) => clauses.every((matches) => matches(partner));
}

const isAnd = (token: Token) => token.kind === "word" && token.text.toLowerCase() === "and";

function clauseMatcher(tokens: Token[]): Matcher | undefined {
  const shape = tokens.map((t) => (t.kind === "word" ? t.text : t.kind === "literal" ? "'" : t.text)).join(" ");
  if (/^(onboardingStatus|displayName) eq '$/.test(shape)) {
    const property = tokens[0]!.text;
    const literal = tokens[2]!.text;
    return (p) => p[property] === literal;
  }
  if (shape === "startswith ( displayName , ' )") {
    const prefix = tokens[4]!.text.toLowerCase();
    // A null name reads as the empty name: '' starts it, as it starts every name.
    return (p) => String(p.displayName ?? "").toLowerCase().startsWith(prefix);
  }
  return undefined;
}

function tokenize(value: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < value.length) {
    const c = value[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      const start = i;
      let text = "";
      i++;
      for (;;) {
        if (i >= value.length) throw new QueryError(`The filter has a literal that is never closed: '${quote(value.slice(start))}'.`);
        if (value[i] === "'" && value[i + 1] === "'") {
          text += "'";
          i += 2;
        } else if (value[i] === "'") {
          i++;
          break;
        } else {
          text += value[i++];
        }
      }
      tokens.push({ kind: "literal", text, start, end: i });
    } else if (c === "(" || c === ")" || c === ",") {
      tokens.push({ kind: "punct", text: c, start: i, end: ++i });
    } else {
      const start = i;
      while (i < value.length && !/[\s'(),]/.test(value[i]!)) i++;
      tokens.push({ kind: "word", text: value.slice(start, i), start, end: i });
    }
  }
  return tokens;
}
