// A ```mermaid fence rendered to SVG. Mermaid is large, so it loads on first use (its own
// chunk); securityLevel 'strict' sanitises labels and disables click handlers.
import { useEffect, useId, useState } from 'react';

let loading: Promise<typeof import('mermaid').default> | null = null;

function loadMermaid() {
  loading ??= import('mermaid').then(({ default: mermaid }) => {
    const dark = document.documentElement.dataset.theme !== 'light';
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default' });
    return mermaid;
  });
  return loading;
}

export function MermaidDiagram({ code }: { code: string }) {
  const id = `mermaid-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [svg, setSvg] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    loadMermaid()
      .then((mermaid) => mermaid.render(id, code))
      .then((result) => live && setSvg(result.svg))
      .catch((failure: Error) => live && setError(failure.message));
    return () => {
      live = false;
    };
  }, [id, code]);

  if (error) {
    return (
      <div className="mermaid-diagram mermaid-error" role="group" aria-label="Diagram that could not be drawn">
        <p className="muted">This diagram could not be drawn: {error}</p>
        <pre>{code}</pre>
      </div>
    );
  }
  if (!svg)
    return (
      <div className="mermaid-diagram mermaid-loading muted" aria-busy="true">
        Drawing diagram…
      </div>
    );
  // The SVG comes from mermaid in strict mode (sanitised); it is markup, not script.
  return <div className="mermaid-diagram" role="img" aria-label="Diagram" data-rendered="true" dangerouslySetInnerHTML={{ __html: svg }} />;
}
