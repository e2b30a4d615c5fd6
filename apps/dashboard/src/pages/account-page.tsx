import type { AccountBody, AccountFeaturesBody, AccountPeopleBody, SignalsBody, SubjectHistoryBody } from '../api/api-types';
import { useApi } from '../auth/session';
import { AccountSegments } from '../components/account-segments';
import { FeatureBars } from '../components/feature-bars';
import { HistoryChart } from '../components/history-chart';
import { InsightsPanel } from '../components/insights-panel';
import { MetricList } from '../components/metric-list';
import { Panel } from '../components/panel';
import { PeopleTable } from '../components/people-table';
import { ResourceView } from '../components/resource-view';
import { ScoreChange } from '../components/score-change';
import { ScoreExplanationPanel } from '../components/score-explanation-panel';
import { SignalList } from '../components/signal-list';
import { TrendMarker } from '../components/trend-marker';
import { formatScore } from '../format';
import { useResource } from '../hooks/use-resource';

const HISTORY_DAYS = 90;

/** /app/accounts/:id, the page Slack messages link to. */
export function AccountPage({ id }: { id: string }) {
  const api = useApi();
  const account = useResource(() => api.get<AccountBody>('/v1/accounts', { id, expand: 'segments,insights,explanation' }), [api, id]);
  const history = useResource(() => api.get<SubjectHistoryBody>('/v1/accounts/history', { id, days: HISTORY_DAYS }), [api, id]);
  const features = useResource(() => api.get<AccountFeaturesBody>('/v1/accounts/features', { id }), [api, id]);
  const people = useResource(() => api.get<AccountPeopleBody>('/v1/accounts/users', { id, limit: 50 }), [api, id]);
  const signals = useResource(() => api.get<SignalsBody>('/v1/signals', { account_id: id, limit: 10 }), [api, id]);

  return (
    <ResourceView resource={account} what="the account">
      {(body) => (
        <article aria-labelledby="account-title">
          <header class="page-header">
            <div>
              <p class="breadcrumb">
                <a href="/app/accounts">Accounts</a>
              </p>
              <h1 id="account-title">{body.name ?? body.tracking_id}</h1>
              <p class="muted">
                {body.domain ?? 'no domain'} · tracking id <code>{body.tracking_id}</code>
              </p>
            </div>
            <div class="score-card" aria-label="Engagement score">
              <span class="score-big" data-testid="account-score">
                {formatScore(body.metrics.engagement_score)}
              </span>
              <span>
                <ScoreChange change={body.metrics.engagement_score_change} /> <TrendMarker trend={body.metrics.trend} />
              </span>
            </div>
          </header>
          <div class="panels">
            <Panel title={`Score, last ${HISTORY_DAYS} days`} id="history-title" wide>
              <ResourceView resource={history} what="history">
                {(data) => <HistoryChart history={data} days={HISTORY_DAYS} />}
              </ResourceView>
            </Panel>
            <Panel title="Metrics" id="metrics-title">
              <MetricList metrics={body.metrics} />
            </Panel>
            <Panel title="Why this score" id="explanation-title">
              <ScoreExplanationPanel explanation={body.explanation} />
            </Panel>
            <Panel title="Insights" id="insights-title">
              <InsightsPanel insights={body.insights} />
            </Panel>
            <Panel title="Feature usage" id="features-title">
              <ResourceView resource={features} what="feature usage">
                {(data) => <FeatureBars usage={data} />}
              </ResourceView>
            </Panel>
            <Panel title="Segments" id="segments-title">
              <AccountSegments segments={body.segments} />
            </Panel>
            <Panel title="People" id="people-title" wide>
              <ResourceView resource={people} what="people">
                {(data) => <PeopleTable people={data.data} />}
              </ResourceView>
            </Panel>
            <Panel title="Recent signals" id="signals-title" wide>
              <ResourceView resource={signals} what="signals">
                {(data) => <SignalList signals={data.signals} showSubject={false} />}
              </ResourceView>
            </Panel>
          </div>
        </article>
      )}
    </ResourceView>
  );
}
