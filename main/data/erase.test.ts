import { describe, expect, it } from 'vitest';
import { confirms } from './erase';
import { redactSecrets } from './store-tables';

describe('the typed confirmation', () => {
  it('is "delete" or the learner’s name, whatever the case and outer spaces', () => {
    expect(confirms('delete', null)).toBe(true);
    expect(confirms('  DELETE ', 'Asha')).toBe(true);
    expect(confirms('asha', 'Asha ')).toBe(true);
    expect(confirms('', '')).toBe(false);
    expect(confirms('Ash', 'Asha')).toBe(false);
    expect(confirms('yes', null)).toBe(false);
  });
});

describe('settings as exported', () => {
  it('lose every credential-like field at any depth and keep the rest', () => {
    expect(redactSecrets({ serverUrl: 'http://x', tokens: { access: 'a' }, nested: [{ apiKey: 'k', password: 'p', name: 'n' }], refreshToken: null })).toEqual({
      serverUrl: 'http://x',
      tokens: '[removed]',
      nested: [{ apiKey: '[removed]', password: '[removed]', name: 'n' }],
      refreshToken: null,
    });
  });
});
