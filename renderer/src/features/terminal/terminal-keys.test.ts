import { describe, expect, it } from 'vitest';
import { terminalKeyAction, type KeyPress } from './terminal-keys';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});
const linux = { mac: false, alternateScreen: false, hasSelection: false };

describe('terminalKeyAction', () => {
  it('leaves on Escape at the prompt and on Ctrl+` always', () => {
    expect(terminalKeyAction(press('Escape'), linux)).toBe('leave');
    expect(terminalKeyAction(press('`', { ctrlKey: true }), linux)).toBe('leave');
    expect(terminalKeyAction(press('`', { ctrlKey: true }), { ...linux, alternateScreen: true })).toBe('leave');
    expect(terminalKeyAction(press('`', { metaKey: true }), { ...linux, mac: true })).toBe('leave');
  });

  it('gives Escape to a full-screen program (vim, less)', () => {
    expect(terminalKeyAction(press('Escape'), { ...linux, alternateScreen: true })).toBe('shell');
  });

  it('keeps Tab, Ctrl+C, Ctrl+K and plain keys for the shell', () => {
    for (const event of [press('Tab'), press('Tab', { shiftKey: true }), press('c', { ctrlKey: true }), press('k', { ctrlKey: true }), press('a')])
      expect(terminalKeyAction(event, linux)).toBe('shell');
  });

  it('passes the panel shortcuts to the app', () => {
    expect(terminalKeyAction(press('b', { ctrlKey: true }), linux)).toBe('app');
    expect(terminalKeyAction(press('j', { ctrlKey: true }), linux)).toBe('app');
    expect(terminalKeyAction(press('P', { ctrlKey: true, shiftKey: true }), linux)).toBe('app');
    // On macOS Ctrl+B stays readline's; Cmd+B is the app's.
    expect(terminalKeyAction(press('b', { ctrlKey: true }), { ...linux, mac: true })).toBe('shell');
    expect(terminalKeyAction(press('b', { metaKey: true }), { ...linux, mac: true })).toBe('app');
  });

  it('copies only with a selection and pastes with the clipboard keys', () => {
    expect(terminalKeyAction(press('C', { ctrlKey: true, shiftKey: true }), linux)).toBe('shell');
    expect(terminalKeyAction(press('C', { ctrlKey: true, shiftKey: true }), { ...linux, hasSelection: true })).toBe('copy');
    expect(terminalKeyAction(press('V', { ctrlKey: true, shiftKey: true }), linux)).toBe('paste');
    expect(terminalKeyAction(press('v', { metaKey: true }), { ...linux, mac: true })).toBe('paste');
  });
});
