// Runs a hook inside a real React root in Node, without a DOM: the probe component renders
// nothing, so react-dom needs only a stand-in container and the two globals it reads when it
// schedules and commits (window.event, document.activeElement).
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';

const globals = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean; window?: unknown; document?: unknown };
globals.IS_REACT_ACT_ENVIRONMENT = true;
globals.window ??= { event: undefined, HTMLIFrameElement: class {} };
globals.document ??= { activeElement: null };

function container(): HTMLElement {
  const listeners = { addEventListener() {}, removeEventListener() {} };
  return {
    ...listeners,
    nodeType: 1,
    nodeName: 'DIV',
    tagName: 'DIV',
    namespaceURI: 'http://www.w3.org/1999/xhtml',
    ownerDocument: { ...listeners, nodeType: 9 },
    textContent: '',
  } as unknown as HTMLElement;
}

export interface RenderedHook<P, R> {
  /** The hook's value from the latest render. */
  readonly current: R;
  rerender(props: P): Promise<void>;
  /** Runs something that updates the hook's state (calls a function it returned). */
  act(update: () => void): Promise<void>;
  /** Lets pending promises settle and React apply what they set. */
  settle(): Promise<void>;
  unmount(): Promise<void>;
}

export async function renderHook<P, R>(hook: (props: P) => R, props: P): Promise<RenderedHook<P, R>> {
  let latest: { value: R } | null = null;
  function Probe(probeProps: { props: P }) {
    latest = { value: hook(probeProps.props) };
    return null;
  }
  const root = createRoot(container());
  const render = (next: P) => act(async () => root.render(createElement(Probe, { props: next })));
  await render(props);
  return {
    get current() {
      if (!latest) throw new Error('The hook has not rendered.');
      return latest.value;
    },
    rerender: render,
    act: (update) => act(async () => update()),
    settle: () => act(async () => await new Promise((resolve) => setTimeout(resolve, 0))),
    unmount: () => act(async () => root.unmount()),
  };
}
