import { decodeMessageNode, proto, type BinaryNode, type WAMessage } from '@whiskeysockets/baileys';

/**
 * Messages built the way Baileys v7 builds them on receive: the key and envelope come from
 * Baileys' own `decodeMessageNode` fed a message stanza (so `remoteJidAlt` is whatever Baileys
 * derives from `sender_pn` etc.), and the content is a `proto.Message` that went through
 * encode/decode like a decrypted payload does.
 */

/** The bot's own ids, as `sock.user` reports them. */
export const ME = '911111111111:7@s.whatsapp.net';
export const ME_LID = '88888888888888:7@lid';

/** `attrs` are the stanza's: from, id, t (seconds), notify (push name), sender_pn, ... */
export function received(attrs: Record<string, string>, content: proto.IMessage): WAMessage {
  const stanza: BinaryNode = { tag: 'message', attrs: { id: '3EB0C0FFEE', t: '1767225600', type: 'text', ...attrs }, content: [] };
  const { fullMessage } = decodeMessageNode(stanza, ME, ME_LID);
  fullMessage.message = proto.Message.decode(proto.Message.encode(proto.Message.fromObject(content)).finish());
  return fullMessage;
}

export const text = (conversation: string): proto.IMessage => ({ conversation });
