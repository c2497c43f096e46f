/**
 * Bundled in place of `@smithy/core/event-streams` (see HOUSE_BUNDLE.alias). No operation this
 * project calls streams events (DynamoDB has none; of S3 only SelectObjectContent would), yet the
 * protocol code references the codec, which puts ~15 KB into every function. The clients still get
 * their configuration resolved; a call that really needed an event stream fails loudly.
 */
const unsupported = (): never => {
  throw new Error('event streams are not bundled (functions/bundle-aliases/event-streams.ts)');
};

class NoEventStreams {
  serialize = unsupported;
  deserialize = unsupported;
  serializeEventStream = unsupported;
  deserializeEventStream = unsupported;
}

export const eventStreamSerdeProvider = (): NoEventStreams => new NoEventStreams();
export const EventStreamSerde = NoEventStreams;
export const resolveEventStreamSerdeConfig = <T extends { eventStreamSerdeProvider: (input: T) => unknown }>(input: T) =>
  Object.assign(input, { eventStreamMarshaller: input.eventStreamSerdeProvider(input) });
