import { RuleParseError } from './rule-parse-error';

export type RuleTokenKind = 'word' | 'number' | 'relative' | 'string' | 'operator' | '(' | ')' | ',' | 'end';

export interface RuleToken {
  readonly kind: RuleTokenKind;
  /** The token's value: unescaped contents for strings, the source text otherwise. */
  readonly text: string;
  readonly position: number;
  /** Offset just past the token in the source. */
  readonly end: number;
}

const OPERATOR = /^(<=|>=|!=|=|<|>)/;
const NUMBER = /^-?\d+(\.\d+)?/;
/** `now + 7d`, `now-12h`; a bare `now` stays a word so that it can still name a field. */
const RELATIVE = /^now\s*[+-]\s*\d+[dh](?![A-Za-z0-9_.-])/i;
const WORD = /^[A-Za-z_][A-Za-z0-9_.-]*/;
const PATTERNS = [
  ['operator', OPERATOR],
  ['number', NUMBER],
  ['relative', RELATIVE],
  ['word', WORD],
] as const;

/** Splits a rule into tokens, each with its offset so parse errors can point at it. */
export function tokenizeRule(text: string): RuleToken[] {
  const tokens: RuleToken[] = [];
  let at = 0;
  while (at < text.length) {
    if (/\s/.test(text[at])) {
      at++;
      continue;
    }
    const token = readToken(text, at);
    tokens.push(token);
    at = token.end;
  }
  tokens.push({ kind: 'end', text: '', position: text.length, end: text.length });
  return tokens;
}

function readToken(text: string, at: number): RuleToken {
  const first = text[at];
  if (first === '(' || first === ')' || first === ',') return { kind: first, text: first, position: at, end: at + 1 };
  if (first === '"' || first === "'") return readQuoted(text, at);
  const rest = text.slice(at);
  for (const [kind, pattern] of PATTERNS) {
    const match = pattern.exec(rest);
    if (match) return { kind, text: match[0], position: at, end: at + match[0].length };
  }
  throw new RuleParseError(`Unexpected character '${first}'`, at);
}

/** A quoted string starting at `start`, either quote; a backslash escapes the next character. */
function readQuoted(text: string, start: number): RuleToken {
  let value = '';
  for (let at = start + 1; at < text.length; at++) {
    if (text[at] === '\\' && at + 1 < text.length) value += text[++at];
    else if (text[at] === text[start]) return { kind: 'string', text: value, position: start, end: at + 1 };
    else value += text[at];
  }
  throw new RuleParseError('Unterminated string', start);
}
