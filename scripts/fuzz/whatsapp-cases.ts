import type { WAMessage } from '@whiskeysockets/baileys'
import { LEXICON, NUMBER_WORDS } from '../../server1/whatsapp/command-lexicon.ts'
import { isJobIndex, type ParsedCommand } from '../../server1/whatsapp/command.ts'
import { parseCommand } from '../../server1/whatsapp/parse-command.ts'
import { HOSTILE_STRINGS, hostileString } from './hostile-values.ts'
import type { Random } from './random.ts'
import { VICTIM_PHONE } from './seed-world.ts'

/**
 * Hostile WhatsApp input, for the parser alone and for the whole inbound pipeline
 * (`handleIncoming`), shaped as Baileys hands messages over but with every field that can be
 * wrong, wrong.
 */

const VOCABULARY = [...LEXICON.keys(), ...NUMBER_WORDS.keys(), '0', '-1', '6', '99', '2.5', '1e9', '#', '!!', '👍', '❌', ...HOSTILE_STRINGS]

/** A word soup: real command words mixed with numbers, emoji and hostile strings. */
export function commandText(r: Random): string {
  if (r.chance(0.1)) return hostileString(r)
  const words = Array.from({ length: 1 + r.int(14) }, () => r.pick(VOCABULARY))
  return words.join(r.pick([' ', '  ', '\n', '\u200B', ',', ' - ']))
}

const KINDS = new Set(['help', 'status', 'jobs', 'apply', 'skip', 'approve_all', 'pause', 'resume', 'coach', 'score', 'stop', 'start', 'yes', 'no'])

/** What a parse must satisfy whatever the text: a known kind, job numbers in range, bounded time. Returns the broken rule, or null. */
export function checkParse(text: string): string | null {
  const started = performance.now()
  let command: ParsedCommand
  try {
    command = parseCommand(text)
  } catch (error) {
    return `parseCommand threw: ${String(error)}`
  }
  // the first NFKC normalisation loads Unicode tables; a slow input is slow on the second try too
  const ms = Math.min(performance.now() - started, timed(() => parseCommand(text)))
  if (ms > 100) return `parseCommand took ${ms.toFixed(0)} ms`
  if (!KINDS.has(command.kind)) return `unknown kind ${command.kind}`
  if ('n' in command && !isJobIndex(command.n)) return `job number ${command.n} out of range`
  return null
}

function timed(work: () => unknown): number {
  const started = performance.now()
  work()
  return performance.now() - started
}

const now = () => Math.floor(Date.now() / 1000)

/** A Long as protobuf decoding gives it, including ones that are not a usable time. */
const long = (value: number) => ({ toNumber: () => value, low: value, high: 0, unsigned: false })

const STRANGER_JIDS = [
  '919900000001@s.whatsapp.net',
  '0@s.whatsapp.net',
  '1@s.whatsapp.net',
  '@s.whatsapp.net',
  'abc@s.whatsapp.net',
  '9199000000019199000000019@s.whatsapp.net',
  '919900000002:12@s.whatsapp.net',
  '12036302@g.us',
  'status@broadcast',
  '1234@broadcast',
  '1203630@newsletter',
  '123456789@lid',
  '123456789@hosted.lid',
  '919900000003@hosted',
  '13135550002@bot',
  'not-a-jid',
  '',
  "' OR 1=1 --@s.whatsapp.net",
  '../../etc/passwd@s.whatsapp.net',
]

function hostileContent(r: Random, text: string): unknown {
  return r.pick<() => unknown>([
    () => ({ conversation: text }),
    () => ({ extendedTextMessage: { text, contextInfo: { quotedMessage: { conversation: 'apply 1' } } } }),
    () => ({ ephemeralMessage: { message: { conversation: text } } }),
    () => ({ viewOnceMessageV2: { message: { extendedTextMessage: { text } } } }),
    () => ({ imageMessage: { caption: 'apply 1', mimetype: 'image/jpeg' } }),
    () => ({ documentMessage: { caption: 'stop', fileName: '../../etc/passwd' } }),
    () => ({ reactionMessage: { text: '👍', key: { id: 'x' } } }),
    () => ({ protocolMessage: { type: 14, editedMessage: { conversation: 'apply 1' } } }),
    () => ({ conversation: r.pick([null, 42, ['apply', '1'], { text: 'apply 1' }]) }),
    () => ({ extendedTextMessage: { text: r.pick([null, 7, {}]) } }),
    () => null,
    () => undefined,
    () => ({}),
  ])()
}

let sequence = 0

/**
 * A message no handler may act on: from a stranger or a non-person chat, malformed, or — from the
 * victim's verified number — a text that parses to no command (`parseCommand` gives help).
 * Returns undefined for a victim text that happens to be a real command (excluded by
 * construction: running it would be correct behaviour, not a refusal).
 */
export function hostileMessage(r: Random): WAMessage | undefined {
  const text = commandText(r)
  const fromVictim = r.chance(0.35)
  if (fromVictim && parseCommand(text).kind !== 'help') return undefined
  // half are well-formed envelopes around the hostile text, so it reaches the gates and the database
  if (r.chance(0.5)) {
    return {
      key: { remoteJid: fromVictim ? `${VICTIM_PHONE.slice(1)}@s.whatsapp.net` : r.pick(STRANGER_JIDS.slice(0, 2)), fromMe: false, id: `3EBFUZZ${(sequence++).toString(16).toUpperCase()}` },
      message: { conversation: text },
      messageTimestamp: now(),
      pushName: hostileString(r).slice(0, 1000),
    } as WAMessage
  }
  const id = r.pick<() => string | null | undefined>([
    () => `3EBFUZZ${(sequence++).toString(16).toUpperCase()}`,
    () => `3EBFUZZ${(sequence++).toString(16).toUpperCase()}`,
    () => `${hostileString(r).slice(0, 300)}${sequence++}`,
    () => null,
    () => '',
    () => '3EBFUZZREPLAY',
  ])()
  const remoteJid = fromVictim ? `${VICTIM_PHONE.slice(1)}@s.whatsapp.net` : r.pick(STRANGER_JIDS)
  const timestamp = r.pick<() => unknown>([() => now(), () => now(), () => now() - 3600, () => 0, () => -5, () => Number.NaN, () => long(now()), () => long(Number.NaN), () => 1e15, () => undefined, () => '1767225600'])()
  return {
    key: {
      remoteJid,
      fromMe: r.chance(0.05) ? true : r.pick([false, null, undefined]),
      id,
      ...(r.chance(0.2) ? { remoteJidAlt: r.pick(STRANGER_JIDS), participant: r.pick(STRANGER_JIDS) } : {}),
    },
    message: hostileContent(r, text),
    messageTimestamp: timestamp,
    pushName: r.chance(0.5) ? hostileString(r).slice(0, 1000) : r.pick(['Talvix Admin', 'Asha Victim', null]),
  } as unknown as WAMessage
}
