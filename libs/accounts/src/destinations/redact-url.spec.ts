import { redactUrl } from './redact-url';

describe('redactUrl', () => {
  it("hides a Slack URL's token, keeping the workspace and channel ids", () => {
    expect(redactUrl('slack', 'https://hooks.slack.com/services/T0123/B0456/abcDEF123')).toBe(
      'https://hooks.slack.com/services/T0123/B0456/***',
    );
  });

  it('hides a password and query values, drops the fragment, and keeps host and path', () => {
    expect(redactUrl('webhook', 'https://user:pw@hooks.example.com:8443/in/coil?token=abc&v=2#x')).toBe(
      'https://***@hooks.example.com:8443/in/coil?token=***&v=***',
    );
    expect(redactUrl('webhook', 'https://hooks.example.com/in')).toBe('https://hooks.example.com/in');
  });

  it('is idempotent, and hides what does not parse', () => {
    const once = redactUrl('slack', 'https://a:b@hooks.slack.com/services/T1/B2/secret?x=1');
    expect(redactUrl('slack', once)).toBe(once);
    expect(redactUrl('webhook', 'hooks.example.com/secret-path')).toBe('***');
  });
});
