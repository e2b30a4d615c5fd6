import type { SettingsBody } from '../api/api-types';

// As the scoring weighs events: direct weights win, then feature weights; with neither
// configured every event weighs 1, with either configured an event without a weight is not scored.
function weightsOf(profile: SettingsBody['profiles'][number], hasFeatures: boolean): string {
  const direct = profile.event_weights.map((weight) => `${weight.event} × ${weight.weight}`).join(', ');
  if (direct) return hasFeatures ? `${direct}; other events by their feature's weight` : direct;
  return hasFeatures ? "each event by its feature's weight" : 'every event weighs 1';
}

/** Each scoring profile with its frame, normalisation and event weights. */
export function ProfilesList({ profiles, hasFeatures }: { profiles: SettingsBody['profiles']; hasFeatures: boolean }) {
  return (
    <table class="data-table">
      <thead>
        <tr>
          <th scope="col">Profile</th>
          <th scope="col">Time frame</th>
          <th scope="col">Normalisation</th>
          <th scope="col">Filter</th>
          <th scope="col">Event weights</th>
        </tr>
      </thead>
      <tbody>
        {profiles.map((profile) => (
          <tr key={profile.name}>
            <td>
              {profile.name} {profile.is_default && <span class="badge">default</span>}
            </td>
            <td>{profile.window_days} days</td>
            <td>{profile.normalization}</td>
            <td>{profile.filter ? <code>{profile.filter}</code> : <span class="muted">—</span>}</td>
            <td>{weightsOf(profile, hasFeatures)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
