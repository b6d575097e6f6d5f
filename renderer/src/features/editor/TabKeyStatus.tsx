// The status bar's Tab item (see tab-key.ts): shown while the code editor has the focus or
// while Tab moves focus. Monaco itself announces the switch to screen readers.
import { isMac } from '../palette/command-registry';
import { tabKeyHint, useTabKey } from './tab-key';

export function TabKeyStatus() {
  const hint = tabKeyHint(useTabKey(), isMac());
  return hint ? <span className="tab-key-status">{hint}</span> : null;
}
