// "N passed, N failed" from the last Jest run's JSON results; a suite that failed to run
// (syntax error, crash) counts as a failure so it can never read as green.
const fs = require('node:fs');
const path = require('node:path');

const resultsFile = path.resolve(__dirname, '..', 'tmp', 'jest-results.json');

function summaryLine() {
  if (!fs.existsSync(resultsFile)) return '0 passed, 1 failed';
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  const failed = results.numFailedTests + (results.numRuntimeErrorTestSuites || 0);
  return `${results.numPassedTests} passed, ${failed} failed`;
}

module.exports = { resultsFile, summaryLine };

if (require.main === module) console.log(summaryLine());
