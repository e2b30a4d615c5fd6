import type { DestinationsBody, SettingsBody } from '../api/api-types';
import { useApi } from '../auth/session';
import { DestinationsTable } from '../components/destinations-table';
import { Panel } from '../components/panel';
import { ProfilesList } from '../components/profiles-list';
import { ResourceView } from '../components/resource-view';
import { Empty } from '../components/status-message';
import { useResource } from '../hooks/use-resource';

/** The workspace's configuration, read-only: the CLI changes it. */
export function SettingsPage() {
  const api = useApi();
  const settings = useResource(() => api.get<SettingsBody>('/v1/settings'), [api]);
  const destinations = useResource(() => api.get<DestinationsBody>('/v1/destinations'), [api]);
  return (
    <section aria-labelledby="settings-title">
      <header class="page-header">
        <h1 id="settings-title">Settings</h1>
        <p class="muted">
          Read-only here: change them with the <code>coil</code> CLI.
        </p>
      </header>
      <ResourceView resource={settings} what="settings">
        {(body) => (
          <div class="panels">
            <Panel title="Scoring profiles" id="profiles-title" wide>
              <ProfilesList profiles={body.profiles} hasFeatures={body.features.length > 0} />
            </Panel>
            <Panel title="Features and weights" id="features-title">
              {body.features.length === 0 ? (
                <Empty>No features defined.</Empty>
              ) : (
                <table class="data-table">
                  <thead>
                    <tr>
                      <th scope="col">Feature</th>
                      <th scope="col" class="numeric">
                        Weight
                      </th>
                      <th scope="col">Events</th>
                    </tr>
                  </thead>
                  <tbody>
                    {body.features.map((feature) => (
                      <tr key={feature.name}>
                        <td>{feature.name}</td>
                        <td class="numeric">{feature.weight}</td>
                        <td>{feature.events.join(', ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Panel>
            <Panel title="Activation checklist" id="activation-title">
              {body.activation === null ? (
                <Empty>No activation checklist.</Empty>
              ) : (
                <>
                  <ol class="plain-list">
                    {body.activation.steps.map((step) => (
                      <li key={`${step.kind}:${step.name}`}>
                        {step.name}{' '}
                        <span class="muted">
                          ({step.kind}) at least {step.min_count}×
                        </span>
                      </li>
                    ))}
                  </ol>
                  <p class="muted">
                    {body.activation.required_users === null ? 'Any user counts.' : `Needs ${body.activation.required_users} users.`}
                  </p>
                </>
              )}
            </Panel>
            <Panel title="Signals" id="signal-settings-title">
              <dl class="metric-list">
                <div class="metric">
                  <dt>Score threshold</dt>
                  <dd>{body.signals.score_threshold} points</dd>
                </div>
                <div class="metric">
                  <dt>Watched traits</dt>
                  <dd>{body.signals.watched_traits.join(', ') || '—'}</dd>
                </div>
                <div class="metric">
                  <dt>Kept for</dt>
                  <dd>{body.signals.retention_days} days</dd>
                </div>
              </dl>
            </Panel>
          </div>
        )}
      </ResourceView>
      <Panel title="Destinations" id="destinations-title" wide>
        <ResourceView resource={destinations} what="destinations">
          {(body) => <DestinationsTable destinations={body.destinations} />}
        </ResourceView>
      </Panel>
    </section>
  );
}
