import { describe, expect, it } from 'vitest';
import { promptEnv } from './terminal-prompt';

describe('promptEnv', () => {
  it('gives bash, zsh and sh a prompt with the folder name only', () => {
    expect(promptEnv('/bin/bash')).toEqual({ PROMPT_COMMAND: 'PS1="\\W \\$ "', PS1: '\\W \\$ ' });
    expect(promptEnv('/usr/bin/zsh')).toEqual({ PROMPT: '%1~ %# ' });
    expect(promptEnv('/bin/sh')).toEqual({ PS1: '$ ' });
  });

  it('leaves shells that do not read PS1 alone', () => {
    expect(promptEnv('powershell.exe')).toEqual({});
    expect(promptEnv('/usr/bin/fish')).toEqual({});
  });
});
