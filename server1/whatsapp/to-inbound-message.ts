import { jidDecode, normalizeMessageContent, type WAMessage } from '@whiskeysockets/baileys';

/**
 * Turns one Baileys message (as `messages.upsert` delivers it) into what the
 * command pipeline needs, or says why it must be ignored. Transport-
 * independent: no socket, no database — the LID lookup is injected.
 */

export type InboundMessage = {
  /** WhatsApp message id (`key.id`); unique per sender, the dedupe key */
  messageId: string;
  /** the sender's number, E.164 ("+919876543210"); the only identity gate 1 trusts */
  phoneE164: string;
  text: string;
  /** when WhatsApp says the message was sent; gate 2 rejects stale replays with it */
  timestamp: Date;
  /** the sender's self-chosen display name: anyone can set any name, so never use it to identify */
  pushName: string | null;
};

export type IgnoreReason =
  | 'own_message'
  | 'group'
  | 'status'
  | 'broadcast'
  | 'newsletter'
  /** Meta AI, bots, calls: not a person */
  | 'unsupported_chat'
  /** media, stickers, reactions, edits, deletes, protocol messages */
  | 'no_text'
  | 'no_id'
  | 'no_timestamp'
  /** a LID sender whose phone number is not known (yet) */
  | 'unresolved_lid'
  | 'invalid_number';

export type InboundResult = InboundMessage | { ignored: IgnoreReason };

export type InboundOptions = {
  /**
   * Our own ids (`sock.user.id`, `sock.user.lid`). A message from our own
   * number on another linked device is still ours even when `fromMe` is
   * false, and must never run a command.
   */
  ownJids?: readonly string[];
  /**
   * LID → phone number JID, for LID senders that came without the phone
   * number on the key. In production this is
   * `sock.signalRepository.lidMapping.getPNForLID`.
   */
  lidToPn?: (lid: string) => Promise<string | null | undefined> | string | null | undefined;
};

export async function toInboundMessage(msg: WAMessage, options: InboundOptions = {}): Promise<InboundResult> {
  const { key } = msg;
  const chat = key.remoteJid ?? '';
  if (key.fromMe === true) return { ignored: 'own_message' };

  const chatKind = classifyChat(chat);
  if (chatKind !== 'person') return { ignored: chatKind };

  const messageId = key.id;
  // ids are hex in practice; one PostgreSQL text cannot hold (NUL) is no id we can dedupe on
  if (!messageId || messageId.includes('\u0000') || !messageId.isWellFormed()) return { ignored: 'no_id' };

  const text = textOf(msg);
  if (text === undefined) return { ignored: 'no_text' };

  const seconds = timestampSeconds(msg.messageTimestamp);
  if (seconds === undefined) return { ignored: 'no_timestamp' };

  const number = await senderNumber(chat, key.remoteJidAlt, options.lidToPn);
  if (number === undefined) return { ignored: 'unresolved_lid' };
  if (!E164_DIGITS.test(number)) return { ignored: 'invalid_number' };
  if (isOwn(number, chat, options.ownJids ?? [])) return { ignored: 'own_message' };

  return {
    messageId,
    phoneE164: `+${number}`,
    // stored as text: NUL cannot be, a lone surrogate would be changed by the driver anyway
    text: text.replaceAll('\u0000', '').toWellFormed(),
    timestamp: new Date(seconds * 1000),
    pushName: msg.pushName || null,
  };
}

/** E.164: country code first (never 0), at most 15 digits. */
const E164_DIGITS = /^[1-9]\d{6,14}$/;

type ChatKind = 'person' | Extract<IgnoreReason, 'group' | 'status' | 'broadcast' | 'newsletter' | 'unsupported_chat'>;

function classifyChat(jid: string): ChatKind {
  if (jid === 'status@broadcast') return 'status';
  switch (jidDecode(jid)?.server) {
    case 's.whatsapp.net':
    case 'lid':
    case 'hosted':
    case 'hosted.lid':
      return 'person';
    case 'g.us':
      return 'group';
    case 'broadcast':
      return 'broadcast';
    case 'newsletter':
      return 'newsletter';
    default:
      return 'unsupported_chat';
  }
}

const isPhoneJid = (server: string | undefined): boolean => server === 's.whatsapp.net' || server === 'hosted';
const isLidJid = (server: string | undefined): boolean => server === 'lid' || server === 'hosted.lid';

/**
 * The sender's number in digits. In a 1:1 chat the sender is the chat. Baileys
 * v7 puts the other addressing form on `key.remoteJidAlt` (from the stanza's
 * `sender_pn` / `participant_pn` when the chat is a LID, `sender_lid` when it
 * is a phone number), so whichever of the two is a phone JID is the answer.
 * Device suffixes (`:12`) are dropped by jidDecode.
 */
async function senderNumber(
  chat: string,
  alt: string | undefined,
  lidToPn: InboundOptions['lidToPn'],
): Promise<string | undefined> {
  for (const jid of [chat, alt]) {
    const decoded = jidDecode(jid);
    if (decoded !== undefined && isPhoneJid(decoded.server)) return decoded.user;
  }
  const lid = jidDecode(chat);
  if (lid === undefined || !isLidJid(lid.server) || lidToPn === undefined) return undefined;
  const pn = jidDecode((await lidToPn(`${lid.user}@${lid.server}`)) ?? undefined);
  return pn !== undefined && isPhoneJid(pn.server) ? pn.user : undefined;
}

/**
 * Command text: `conversation` or `extendedTextMessage.text` (a text with a
 * link preview, a quote or a mention), also inside the ephemeral / view-once
 * wrappers that Baileys' normalizeMessageContent unwraps. Captions on images
 * and documents are deliberately not read: a photo is content (a screenshot, a
 * certificate), and treating its caption as a command would make a forwarded
 * picture captioned "stop" switch alerts off. Edits arrive as protocol
 * messages and are ignored, so editing a command does not run it twice.
 */
function textOf(msg: WAMessage): string | undefined {
  const content = normalizeMessageContent(msg.message);
  const text = content?.conversation ?? content?.extendedTextMessage?.text;
  return typeof text === 'string' ? text : undefined;
}

/** The largest time a Date can hold, in seconds: beyond it `new Date(s * 1000)` is Invalid Date. */
const MAX_DATE_SECONDS = 8.64e12;

/**
 * Seconds since the epoch; Baileys gives a number for live messages, a protobuf Long for
 * decoded/history ones. Anything else, or a time no Date can hold, is no timestamp.
 */
function timestampSeconds(value: WAMessage['messageTimestamp']): number | undefined {
  const seconds = typeof value === 'number' ? value : typeof value?.toNumber === 'function' ? value.toNumber() : undefined;
  return seconds !== undefined && Number.isFinite(seconds) && seconds > 0 && seconds <= MAX_DATE_SECONDS ? seconds : undefined;
}

function isOwn(number: string, chat: string, ownJids: readonly string[]): boolean {
  const chatUser = jidDecode(chat)?.user;
  return ownJids.some((jid) => {
    const own = jidDecode(jid)?.user;
    return own !== undefined && (own === number || own === chatUser);
  });
}
