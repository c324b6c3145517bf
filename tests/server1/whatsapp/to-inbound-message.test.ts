import { describe, expect, test } from 'bun:test';
import { proto, type WAMessage } from '@whiskeysockets/baileys';
import { toInboundMessage } from '../../../server1/whatsapp/to-inbound-message.ts';
import { ME, ME_LID, received as receivedAt, text } from './baileys-messages.ts';

const USER_PN = '919876543210';
const USER_LID = '123456789012345';
const T = 1_767_225_600; // 2026-01-01T00:00:00Z

const received = (attrs: Record<string, string>, content: proto.IMessage): WAMessage => receivedAt({ t: String(T), ...attrs }, content);

/** A message as a store or history sync hands it back: a decoded WebMessageInfo (timestamps are Longs). */
function stored(object: Record<string, unknown>): WAMessage {
  const info = proto.WebMessageInfo.fromObject(object);
  return Object.assign(info, { key: info.key ?? {} });
}

describe('toInboundMessage with messages as Baileys v7 delivers them', () => {
  test('plain conversation from a phone-number chat', async () => {
    const msg = received({ from: `${USER_PN}@s.whatsapp.net`, notify: 'Asha' }, text('jobs'));
    expect(await toInboundMessage(msg)).toEqual({
      messageId: '3EB0C0FFEE',
      phoneE164: `+${USER_PN}`,
      text: 'jobs',
      timestamp: new Date(T * 1000),
      pushName: 'Asha',
    });
  });

  test('device suffix on the sender is dropped', async () => {
    const msg = received({ from: `${USER_PN}:12@s.whatsapp.net` }, text('status'));
    expect(await toInboundMessage(msg)).toMatchObject({ phoneE164: `+${USER_PN}`, pushName: null });
  });

  test('extended text (link preview / quote) gives its text', async () => {
    const msg = received(
      { from: `${USER_PN}@s.whatsapp.net` },
      { extendedTextMessage: { text: 'apply 2', contextInfo: { stanzaId: 'QUOTED1' } } },
    );
    expect(await toInboundMessage(msg)).toMatchObject({ text: 'apply 2' });
  });

  test('LID sender: the phone number comes from the PN alt Baileys puts on key.remoteJidAlt', async () => {
    const msg = received(
      { from: `${USER_LID}@lid`, sender_pn: `${USER_PN}@s.whatsapp.net`, addressing_mode: 'lid' },
      text('help'),
    );
    // The field name is Baileys', not ours: prove it is where the PN lands.
    expect(msg.key.remoteJid).toBe(`${USER_LID}@lid`);
    expect(msg.key.remoteJidAlt).toBe(`${USER_PN}@s.whatsapp.net`);
    expect(await toInboundMessage(msg)).toMatchObject({ phoneE164: `+${USER_PN}`, text: 'help' });
  });

  test('phone-number sender with a LID alt still uses the phone number', async () => {
    const msg = received({ from: `${USER_PN}@s.whatsapp.net`, sender_lid: `${USER_LID}@lid` }, text('help'));
    expect(msg.key.remoteJidAlt).toBe(`${USER_LID}@lid`);
    expect(await toInboundMessage(msg)).toMatchObject({ phoneE164: `+${USER_PN}` });
  });

  test('LID sender without a PN alt resolves through the injected lookup', async () => {
    const msg = received({ from: `${USER_LID}:3@lid` }, text('help'));
    const asked: string[] = [];
    const lidToPn = async (lid: string) => {
      asked.push(lid);
      return lid === `${USER_LID}@lid` ? `${USER_PN}:3@s.whatsapp.net` : null;
    };
    expect(await toInboundMessage(msg, { lidToPn })).toMatchObject({ phoneE164: `+${USER_PN}` });
    expect(asked).toEqual([`${USER_LID}@lid`]);
  });

  test('LID sender nobody can resolve is ignored', async () => {
    const msg = received({ from: `${USER_LID}@lid` }, text('help'));
    expect(await toInboundMessage(msg)).toEqual({ ignored: 'unresolved_lid' });
    expect(await toInboundMessage(msg, { lidToPn: () => null })).toEqual({ ignored: 'unresolved_lid' });
  });

  test('group message is ignored, even with the sender PN known', async () => {
    const msg = received(
      { from: '120363040000000000@g.us', participant: `${USER_LID}@lid`, participant_pn: `${USER_PN}@s.whatsapp.net` },
      text('apply 1'),
    );
    expect(msg.key.participantAlt).toBe(`${USER_PN}@s.whatsapp.net`);
    expect(await toInboundMessage(msg)).toEqual({ ignored: 'group' });
  });

  test('status broadcast is ignored', async () => {
    const msg = received({ from: 'status@broadcast', participant: `${USER_PN}@s.whatsapp.net` }, text('stop'));
    expect(await toInboundMessage(msg)).toEqual({ ignored: 'status' });
  });

  test('broadcast list message is ignored', async () => {
    const msg = received({ from: '1767225600@broadcast', participant: `${USER_PN}@s.whatsapp.net` }, text('stop'));
    expect(await toInboundMessage(msg)).toEqual({ ignored: 'broadcast' });
  });

  test('newsletter post is ignored', async () => {
    const msg = received({ from: '120363000000000000@newsletter' }, text('stop'));
    expect(await toInboundMessage(msg)).toEqual({ ignored: 'newsletter' });
  });

  test('own message (sent from our phone to a user) is ignored', async () => {
    const msg = received({ from: ME, recipient: `${USER_PN}@s.whatsapp.net` }, text('apply 1'));
    expect(msg.key.fromMe).toBe(true);
    expect(await toInboundMessage(msg)).toEqual({ ignored: 'own_message' });
  });

  test('a chat with our own number is ignored even when fromMe is false', async () => {
    const msg = stored({
      key: { remoteJid: '911111111111@s.whatsapp.net', fromMe: false, id: 'SELF1' },
      messageTimestamp: T,
      message: { conversation: 'stop' },
    });
    expect(await toInboundMessage(msg, { ownJids: [ME, ME_LID] })).toEqual({ ignored: 'own_message' });
  });

  test('image with a caption is ignored: captions are not commands', async () => {
    const msg = received(
      { from: `${USER_PN}@s.whatsapp.net`, type: 'media' },
      { imageMessage: { caption: 'stop', mimetype: 'image/jpeg' } },
    );
    expect(await toInboundMessage(msg)).toEqual({ ignored: 'no_text' });
  });

  test('ephemeral and view-once wrappers are unwrapped', async () => {
    const ephemeral = received(
      { from: `${USER_PN}@s.whatsapp.net` },
      { ephemeralMessage: { message: { extendedTextMessage: { text: 'coach' } } } },
    );
    const viewOnce = received(
      { from: `${USER_PN}@s.whatsapp.net` },
      { viewOnceMessageV2: { message: { conversation: 'status' } } },
    );
    expect(await toInboundMessage(ephemeral)).toMatchObject({ text: 'coach' });
    expect(await toInboundMessage(viewOnce)).toMatchObject({ text: 'status' });
  });

  test('reactions and edits are not commands', async () => {
    const reaction = received(
      { from: `${USER_PN}@s.whatsapp.net` },
      { reactionMessage: { text: '👍', key: { id: 'X' } } },
    );
    const edit = received(
      { from: `${USER_PN}@s.whatsapp.net` },
      {
        editedMessage: {
          message: {
            protocolMessage: {
              type: proto.Message.ProtocolMessage.Type.MESSAGE_EDIT,
              editedMessage: { conversation: 'apply 3' },
            },
          },
        },
      },
    );
    expect(await toInboundMessage(reaction)).toEqual({ ignored: 'no_text' });
    expect(await toInboundMessage(edit)).toEqual({ ignored: 'no_text' });
  });

  test('history-shaped message with a protobuf Long timestamp', async () => {
    const msg = stored({
      key: { remoteJid: `${USER_PN}@s.whatsapp.net`, fromMe: false, id: 'HIST1' },
      messageTimestamp: { low: T, high: 0, unsigned: true },
      pushName: 'Asha',
      message: { conversation: 'jobs' },
    });
    expect(typeof msg.messageTimestamp).toBe('object');
    expect(await toInboundMessage(msg)).toMatchObject({ messageId: 'HIST1', timestamp: new Date(T * 1000) });
  });

  test('missing id or timestamp is ignored', async () => {
    const noId = stored({
      key: { remoteJid: `${USER_PN}@s.whatsapp.net` },
      messageTimestamp: T,
      message: { conversation: 'jobs' },
    });
    const noTime = stored({
      key: { remoteJid: `${USER_PN}@s.whatsapp.net`, id: 'A1' },
      message: { conversation: 'jobs' },
    });
    expect(await toInboundMessage(noId)).toEqual({ ignored: 'no_id' });
    expect(await toInboundMessage(noTime)).toEqual({ ignored: 'no_timestamp' });
  });

  test('a display name claiming to be someone else changes nothing', async () => {
    const msg = received({ from: `${USER_PN}@s.whatsapp.net`, notify: '+91 99999 99999 (Talvix Admin)' }, text('status'));
    expect(await toInboundMessage(msg)).toMatchObject({ phoneE164: `+${USER_PN}`, pushName: '+91 99999 99999 (Talvix Admin)' });
  });

  test('Meta AI / bot chats are ignored', async () => {
    const msg = stored({ key: { remoteJid: '867051314767696@bot', id: 'BOT1' }, messageTimestamp: T, message: text('help') });
    expect(await toInboundMessage(msg)).toEqual({ ignored: 'unsupported_chat' });
  });
});
