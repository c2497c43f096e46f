import { describe, expect, it } from 'vitest';
import { deployConfigFrom } from '../../lib/deploy-config.ts';

describe('deploy context', () => {
  it('defaults to dev with the user pool and no CORS', () => {
    const config = deployConfigFrom({});
    expect(config.stage).toBe('dev');
    expect(config.oidc).toBeUndefined();
    expect(config.panelsOrigin).toBeUndefined();
  });

  it('rejects an unknown stage', () => {
    expect(() => deployConfigFrom({ stage: 'staging' })).toThrow(/stage must be one of dev, prod/);
  });

  it('reduces the panels origin to scheme, host and port', () => {
    expect(deployConfigFrom({ panelsOrigin: 'https://panels.example.com/app/' }).panelsOrigin).toBe('https://panels.example.com');
  });

  it('needs an https issuer and at least one audience together', () => {
    expect(deployConfigFrom({ jwtIssuer: 'https://id.example.com', jwtAudience: 'a, b' }).oidc).toEqual({ issuer: 'https://id.example.com', audience: ['a', 'b'] });
    expect(() => deployConfigFrom({ jwtIssuer: 'https://id.example.com' })).toThrow(/jwtAudience/);
    expect(() => deployConfigFrom({ jwtAudience: 'a' })).toThrow(/jwtIssuer/);
    expect(() => deployConfigFrom({ jwtIssuer: 'http://id.example.com', jwtAudience: 'a' })).toThrow(/https/);
  });
});
