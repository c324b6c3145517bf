import { type Static, Type as T } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'

/**
 * The two Phoenix channel serializers realtime-js speaks (`vsn` on the socket URL). 1.0.0 frames
 * are JSON objects; 2.0.0 frames are JSON arrays `[join_ref, ref, topic, event, payload]`, and
 * realtime-js sends a broadcast push as a binary frame (Supabase's V2Serializer kinds 0 and 3).
 */
export type Vsn = '1.0.0' | '2.0.0'

const Ref = T.Union([T.String({ maxLength: 255 }), T.Number(), T.Null()])
const Topic = T.String({ minLength: 1, maxLength: 255 })
const Event = T.String({ minLength: 1, maxLength: 255 })
const Payload = T.Record(T.String(), T.Unknown())

const V1Frame = T.Object({ topic: Topic, event: Event, payload: Payload, ref: T.Optional(Ref), join_ref: T.Optional(Ref) })
const V2Frame = T.Tuple([Ref, Ref, Topic, Event, Payload])

export interface PhoenixMessage {
  join_ref: Static<typeof Ref>
  ref: Static<typeof Ref>
  topic: string
  event: string
  payload: Record<string, unknown>
}

const BINARY_PUSH = 0
const BINARY_USER_BROADCAST_PUSH = 3

/**
 * A frame as Elysia hands it over: text already through JSON.parse when it looked like JSON,
 * binary as a Buffer. Null when it is not a Phoenix message for this vsn.
 */
export function decodeFrame(vsn: Vsn, frame: unknown): PhoenixMessage | null {
  if (frame instanceof Uint8Array) return vsn === '2.0.0' ? decodeBinary(frame) : null
  if (vsn === '1.0.0') {
    if (!Value.Check(V1Frame, frame)) return null
    return { join_ref: frame.join_ref ?? null, ref: frame.ref ?? null, topic: frame.topic, event: frame.event, payload: frame.payload }
  }
  // Phoenix ignores elements after the fifth
  if (!Array.isArray(frame)) return null
  const head = frame.slice(0, 5)
  if (!Value.Check(V2Frame, head)) return null
  const [join_ref, ref, topic, event, payload] = head
  return { join_ref, ref, topic, event, payload }
}

/** Phoenix's V1 serializer never sends join_ref; V2 sends all five fields. */
export function encodeFrame(vsn: Vsn, message: PhoenixMessage): string {
  if (vsn === '1.0.0') return JSON.stringify({ topic: message.topic, event: message.event, payload: message.payload, ref: message.ref })
  return JSON.stringify([message.join_ref, message.ref, message.topic, message.event, message.payload])
}

/** Only the header is read: the binary payload belongs to broadcast, which this server refuses. */
function decodeBinary(bytes: Uint8Array): PhoenixMessage | null {
  const kind = bytes[0]
  const headerLength = kind === BINARY_PUSH ? 5 : kind === BINARY_USER_BROADCAST_PUSH ? 7 : 0
  if (headerLength === 0 || bytes.length < headerLength) return null
  const [joinRefSize, refSize, topicSize, eventSize] = [bytes[1]!, bytes[2]!, bytes[3]!, bytes[4]!]
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let offset = headerLength
  const field = (size: number) => {
    if (offset + size > bytes.length) throw new RangeError('frame shorter than its header')
    const text = decoder.decode(bytes.subarray(offset, offset + size))
    offset += size
    return text
  }
  try {
    const join_ref = field(joinRefSize)
    const ref = field(refSize)
    const topic = field(topicSize)
    const event = field(eventSize)
    if (topic === '' || event === '') return null
    return { join_ref, ref, topic, event: kind === BINARY_USER_BROADCAST_PUSH ? 'broadcast' : event, payload: {} }
  } catch {
    return null
  }
}
