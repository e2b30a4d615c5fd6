import { generateInsights } from './generate-insights';
import type { Insights, InsightsInput, InsightsProvider } from './insights';

/** The default provider: rules over the data, reproducible and free to run. */
export class DeterministicInsightsProvider implements InsightsProvider {
  generate(input: InsightsInput): Promise<Insights> {
    return Promise.resolve(generateInsights(input));
  }
}
