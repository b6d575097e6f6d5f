// The terminal's prompt shows the lesson folder's name, not its path: the path runs through the
// app's data folder, which means nothing to a learner and fills half the line. Set through the
// environment, so the learner's own shell start-up files still run (bash reads PROMPT_COMMAND
// after ~/.bashrc has set PS1; zsh reads PROMPT; plain sh gets a bare "$ ").
import path from 'node:path';

export function promptEnv(shellFile: string): Record<string, string> {
  const name = path
    .basename(shellFile)
    .replace(/\.exe$/i, '')
    .toLowerCase();
  if (name === 'bash') return { PROMPT_COMMAND: 'PS1="\\W \\$ "', PS1: '\\W \\$ ' };
  if (name === 'zsh') return { PROMPT: '%1~ %# ' };
  if (name === 'sh' || name === 'dash' || name === 'ash') return { PS1: '$ ' };
  // PowerShell, cmd, fish: their own prompt (they do not read PS1).
  return {};
}
