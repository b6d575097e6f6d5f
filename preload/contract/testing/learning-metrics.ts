// The learning metrics of a learner with too little history for any of them: "not enough yet".
import type { LearningMetrics } from '../progress-metrics';

export const noLearningMetricsYet: LearningMetrics = {
  learningVelocity: null,
  knowledgeRetention: null,
  engagement: null,
  struggle: [],
  predictedCompletion: null,
  decayRisk: [],
};
