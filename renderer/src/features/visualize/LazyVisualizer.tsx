import { lazy } from 'react';
import { Loading } from '../../platform/Loading';
import type { VisualizerProps } from './Visualizer';

// The step-through view loads when a trace is first shown, not with the shell.
const Visualizer = lazy(() => import('./Visualizer').then((module) => ({ default: module.Visualizer })));

export function LazyVisualizer(props: VisualizerProps) {
  return (
    <Loading what="the visualiser">
      <Visualizer {...props} />
    </Loading>
  );
}
