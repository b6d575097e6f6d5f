import { formatProblem, type BundleProblem } from '../bundle/bundle-files';

/** A bundle that cannot be installed, with every reason. Nothing was written. */
export class CourseImportError extends Error {
  constructor(readonly problems: readonly BundleProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'CourseImportError';
  }
}
