import type { Driver } from './score-explanation';

/** Drivers named in a message: the largest few are what a reader acts on. */
export const DRIVERS_NAMED = 3;

/**
 * "Reports: report_created -120 points, invite_sent -30 points": the largest drivers moving the
 * way the score moved (down for a drop), as the explanation lists them; '' when none did.
 */
export function driversText(drivers: readonly Driver[], direction: -1 | 1): string {
  return drivers
    .filter((driver) => Math.sign(driver.delta_points) === direction)
    .slice(0, DRIVERS_NAMED)
    .map((driver) => `${driver.feature === null ? '' : `${driver.feature}: `}${driver.event} ${signed(driver.delta_points)} points`)
    .join(', ');
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}
