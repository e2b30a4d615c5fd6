import type { SettingsBody } from '../api/api-types';

/** Each scoring profile with its frame, normalisation and event weights. */
export function ProfilesList({ profiles }: { profiles: SettingsBody['profiles'] }) {
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
            <td>
              {profile.event_weights.length === 0
                ? 'every event weighs 1'
                : profile.event_weights.map((weight) => `${weight.event} × ${weight.weight}`).join(', ')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
