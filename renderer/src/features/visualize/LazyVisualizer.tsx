import { lazy, Suspense } from 'react';
import type { VisualizerProps } from './Visualizer';

// The step-through view loads when a trace is first shown, not with the shell.
const Visualizer = lazy(() => import('./Visualizer').then((module) => ({ default: module.Visualizer })));

export function LazyVisualizer(props: VisualizerProps) {
  return (
    <Suspense
      fallback={
        <div className="muted panel-pad" role="status">
          Loading the visualiser…
        </div>
      }
    >
      <Visualizer {...props} />
    </Suspense>
  );
}
