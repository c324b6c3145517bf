import { HINDI_TWO, LEXICON, NUMBER_WORDS, type Meaning, type Topic, type Verb } from './command-lexicon.ts';
import { isJobIndex, type HelpCommand, type NumberedVerb, type ParsedCommand } from './command.ts';
import { editDistance } from './edit-distance.ts';

/**
 * Reads one WhatsApp message as one command.
 *
 * The rule: after dropping filler words ("please", "karo", "dikhao", "my"...),
 * what is left must be exactly one command (plus its job number, if it takes
 * one). Any word we do not know, two different commands, or a negation next to
 * a command ("pause mat karo", "don't stop") gives the help menu instead of a
 * guess — a wrong guess could apply to a job, a help menu costs nothing.
 */
export function parseCommand(text: string): ParsedCommand {
  // Commands are short; a long text is a chat message or a paste, and the cap
  // bounds the work done on untrusted input.
  if (text.length > MAX_INPUT_CHARS) return UNKNOWN;
  const words = tokenize(normalize(text));
  if (words.length === 0) return { kind: 'help', reason: 'empty' };
  if (words.length > MAX_TOKENS) return UNKNOWN;
  const tokens = classify(words);
  return tokens === undefined ? UNKNOWN : resolve(tokens);
}

const MAX_INPUT_CHARS = 300;
const MAX_TOKENS = 12;
const UNKNOWN: HelpCommand = { kind: 'help', reason: 'unknown' };
const NUMBERED: ReadonlySet<Verb> = new Set<NumberedVerb>(['apply', 'skip', 'score']);
/** Read-only commands: a stray number ("top 5 jobs") does no harm, so it is ignored. */
const READ_ONLY: ReadonlySet<Verb> = new Set<Verb>(['help', 'status', 'jobs', 'coach']);

function normalize(text: string): string {
  return (
    text
      // Full-width digits/letters from some Indian keyboards become ASCII.
      .normalize('NFKC')
      .toLowerCase()
      // Zero-width joiners (common in Devanagari typing) and emoji variation selectors.
      .replace(/\u200b|\u200c|\u200d|\ufe0f/g, '')
      // A thumbs-up is how many people say yes on WhatsApp.
      .replace(/👍|👌|✅|✔|☑/gu, ' yes ')
      .replace(/👎|❌|✖|🚫/gu, ' no ')
      .replace(/[०-९]/g, (d) => String(d.charCodeAt(0) - 0x0966))
      // don't → dont, so the negation is one word.
      .replace(/(\p{L})['’‘`](\p{L})/gu, '$1$2')
      // 2nd → 2
      .replace(/(\d+)(?:st|nd|rd|th)\b/g, '$1')
  );
}

/**
 * Words and numbers; everything else (spaces, punctuation, emoji, "#") is a
 * separator. A minus sign counts only when it is not a hyphen ("apply -1" is
 * out of range, "apply-2" is apply 2).
 */
function tokenize(text: string): string[] {
  const raw = text.match(/(?<![\p{L}\p{M}\p{N}])-\d+(?:\.\d+)?|\d+(?:\.\d+)?|[\p{L}\p{M}]+/gu) ?? [];
  // "yesss", "helppp", "noooo": stretched letters collapse to one.
  return raw.map((w) => w.replace(/(\p{L})\1{2,}/gu, '$1'));
}

type Token = Exclude<Meaning, { type: 'number' }> | { type: 'number'; n: number };

const isNumeric = (word: string): boolean => /^-?\d/.test(word) || NUMBER_WORDS.has(word);

/** Meaning of every word, or undefined when a word is not part of the language. */
function classify(words: readonly string[]): Token[] | undefined {
  const tokens: Token[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const next = words[i + 1];
    if (/^-?\d/.test(word)) {
      tokens.push({ type: 'number', n: Number(word) });
      continue;
    }
    if (word === 'auto' && next !== undefined && /^appl(y|ying|ies)$/.test(next)) {
      tokens.push({ type: 'topic', topic: 'autoapply' });
      i++;
      continue;
    }
    // "apply no. 2": "no" as an abbreviation of number, not a refusal.
    if (word === 'no' && next !== undefined && isNumeric(next)) continue;
    // Hindi "do" (two) only right after a numbered verb: "apply do" is apply 2,
    // "apply kar do" is just apply.
    if (word === HINDI_TWO) {
      const previous = LEXICON.get(words[i - 1] ?? '');
      if (previous?.type === 'verb' && NUMBERED.has(previous.verb)) tokens.push({ type: 'number', n: 2 });
      continue;
    }
    const numberWord = NUMBER_WORDS.get(word);
    if (numberWord !== undefined) {
      tokens.push({ type: 'number', n: numberWord });
      continue;
    }
    const meaning = LEXICON.get(word) ?? closestWord(word);
    if (meaning === undefined) return undefined;
    if (meaning.type !== 'filler') tokens.push(meaning);
  }
  return tokens;
}

/**
 * Typo tolerance for Latin words of 4+ letters: one edit (two for words of 7+
 * letters, so "aproove" still finds "approve"). Short words are matched exactly
 * — "no" is one edit away from "so", "go", "ho". A typo equally close to two
 * words with different meanings ("stap": stop or start?) matches neither.
 */
function closestWord(word: string): Meaning | undefined {
  if (!/^[a-z]{4,}$/.test(word)) return undefined;
  let best: Meaning | undefined;
  let bestDistance = Infinity;
  let ambiguous = false;
  for (const [candidate, meaning] of FUZZY_CANDIDATES) {
    const tolerance = Math.min(word.length, candidate.length) >= 7 ? 2 : 1;
    if (Math.abs(word.length - candidate.length) > tolerance) continue;
    const distance = editDistance(word, candidate);
    if (distance > tolerance || distance > bestDistance) continue;
    if (distance < bestDistance) {
      best = meaning;
      bestDistance = distance;
      ambiguous = false;
    } else if (!sameMeaning(best, meaning)) {
      ambiguous = true;
    }
  }
  return ambiguous ? undefined : best;
}

const FUZZY_CANDIDATES: readonly [string, Meaning][] = [...LEXICON].filter(([w]) => /^[a-z]{4,}$/.test(w));

const sameMeaning = (a: Meaning | undefined, b: Meaning): boolean => JSON.stringify(a) === JSON.stringify(b);

type Toggle = 'pause' | 'resume' | 'stop' | 'start';
const TOGGLE_TARGETS: Record<Topic, { on: Toggle; off: Toggle }> = {
  alerts: { on: 'start', off: 'stop' },
  autoapply: { on: 'resume', off: 'pause' },
};
const TOGGLE_DIRECTION: Partial<Record<Verb, boolean>> = { pause: false, stop: false, resume: true, start: true };

type Action = Extract<Token, { type: 'verb' | 'switch' }>;
const isAction = (t: Token): t is Action => t.type === 'verb' || t.type === 'switch';

function resolve(tokens: readonly Token[]): ParsedCommand {
  const all = tokens.filter(isAction);
  const strong = all.filter((t) => t.weak !== true);
  const actions = strong.length > 0 ? strong : all;
  const topics = new Set(tokens.flatMap((t) => (t.type === 'topic' ? [t.topic] : [])));
  const numbers = tokens.flatMap((t) => (t.type === 'number' ? [t.n] : []));
  const hasAll = tokens.some((t) => t.type === 'all');
  const yes = tokens.filter((t) => t.type === 'yes').length;
  const no = tokens.filter((t) => t.type === 'no').length;

  if (actions.length === 0) {
    if (topics.size > 0 || numbers.length > 0 || hasAll) return UNKNOWN;
    if (yes > 0 && no === 0) return { kind: 'yes' };
    if (no > 0 && yes === 0) return { kind: 'no' };
    return UNKNOWN;
  }
  if (tokens.some((t) => t.type === 'no' && t.soft !== true)) return UNKNOWN;
  if (topics.size > 1) return UNKNOWN;
  const topic = [...topics][0];

  const verbs = new Set<Verb>();
  for (const action of actions) {
    const resolved = aim(action, topic);
    if (resolved === undefined) return UNKNOWN;
    verbs.add(resolved);
  }
  if (verbs.size !== 1) return UNKNOWN;
  const [verb] = verbs;
  if (verb === undefined) return UNKNOWN;
  if (hasAll && verb !== 'approve') return UNKNOWN;

  if (verb === 'apply' || verb === 'skip' || verb === 'score') {
    if (numbers.length === 0) return { kind: 'help', reason: 'number_missing', command: verb };
    // "apply 1 2": one job per command, so each gets its own confirmation.
    if (numbers.length > 1) return UNKNOWN;
    const n = numbers[0] ?? 0;
    if (!isJobIndex(n)) return { kind: 'help', reason: 'number_out_of_range', command: verb };
    return { kind: verb, n };
  }
  if (numbers.length > 0 && !READ_ONLY.has(verb)) return UNKNOWN;
  switch (verb) {
    case 'help':
      return { kind: 'help', reason: 'asked' };
    case 'approve':
      return { kind: 'approve_all' };
    case 'status':
    case 'jobs':
    case 'coach':
    case 'pause':
    case 'resume':
    case 'stop':
    case 'start':
      return { kind: verb };
  }
}

/**
 * A verb or switch aimed at the message's topic: "pause alerts" is stop,
 * "auto apply band" is pause. Without a topic, "shuru" means resume (the
 * undo of "ruko"/"roko") and "band" means stop (a user telling the bot
 * "band karo" wants the messages to stop). Undefined when a topic is attached
 * to a verb it cannot apply to ("status alerts").
 */
function aim(action: Action, topic: Topic | undefined): Verb | undefined {
  const on = action.type === 'switch' ? action.on : TOGGLE_DIRECTION[action.verb];
  if (on === undefined) return topic === undefined && action.type === 'verb' ? action.verb : undefined;
  if (topic !== undefined) return on ? TOGGLE_TARGETS[topic].on : TOGGLE_TARGETS[topic].off;
  if (action.type === 'verb') return action.verb;
  return on ? 'resume' : 'stop';
}
