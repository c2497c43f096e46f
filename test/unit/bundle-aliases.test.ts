/**
 * The modules bundled in place of SDK packages (lib/house-function.ts, HOUSE_BUNDLE.alias) behave
 * as the packages they replace, as far as any call of this project can tell.
 */
import { EndpointCache as RealEndpointCache } from '@aws-sdk/endpoint-cache';
import { describe, expect, it, vi } from 'vitest';
import { EndpointCache } from '../../functions/bundle-aliases/endpoint-cache.ts';
import { EventStreamSerde, eventStreamSerdeProvider, resolveEventStreamSerdeConfig } from '../../functions/bundle-aliases/event-streams.ts';

describe('bundle aliases', () => {
  it('EndpointCache answers as @aws-sdk/endpoint-cache through sets, reads, expiry and least-recently-used eviction', () => {
    vi.useFakeTimers({ now: 0 });
    try {
      const ours = new EndpointCache(2);
      const real = new RealEndpointCache(2);
      const steps: ((cache: RealEndpointCache) => unknown)[] = [
        (cache) => cache.set('a', [{ Address: 'a.example', CachePeriodInMinutes: 1 }]),
        (cache) => cache.set('b', [{ Address: 'b.example', CachePeriodInMinutes: 5 }]),
        (cache) => cache.getEndpoint('a'), // a is now the most recent
        (cache) => cache.set('c', [{ Address: 'c.example', CachePeriodInMinutes: 5 }]), // evicts b
        (cache) => [cache.has('a'), cache.has('b'), cache.has('c')],
        (cache) => cache.get('c'),
        () => vi.setSystemTime(2 * 60_000), // a has expired
        (cache) => [cache.get('a'), cache.has('a'), cache.getEndpoint('c')],
        (cache) => cache.delete('c'),
        (cache) => [cache.has('c'), cache.get('c')],
        (cache) => cache.set('d', []),
        (cache) => [cache.has('d'), cache.getEndpoint('d')],
        (cache) => cache.clear(),
        (cache) => [cache.has('a'), cache.has('c'), cache.has('d')],
      ];
      for (const step of steps) expect(step(ours as unknown as RealEndpointCache)).toEqual(step(real));
    } finally {
      vi.useRealTimers();
    }
  });

  it('event streams: clients resolve their configuration, and an event stream call fails loudly', async () => {
    const config = resolveEventStreamSerdeConfig({ eventStreamSerdeProvider });
    expect(config.eventStreamMarshaller).toBeDefined();
    expect(() => (config.eventStreamMarshaller as InstanceType<typeof EventStreamSerde>).deserialize()).toThrow(/event streams are not bundled/);
  });
});
