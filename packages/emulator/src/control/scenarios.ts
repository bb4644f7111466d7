import { PERMISSIONS } from '@paddock/contract';
import type { Emulator } from '../emulator.js';

/** Built-in scenarios of `--scenario`; anything else is read as a state export file. */
export const SCENARIOS = {
  /** The development application with two users: one with three live vehicles, one with a simulated BEV. */
  demo: [
    { email: '3-vehicles@smartcar.com', mode: 'live' },
    { email: '5YJ3E1EA7KF000001@bev.smartcar.com', mode: 'simulated' },
  ],
} as const;
export type ScenarioName = keyof typeof SCENARIOS;

export const isScenarioName = (name: string): name is ScenarioName => Object.hasOwn(SCENARIOS, name);

/**
 * Plays a built-in scenario against the application with `clientId`,
 * through the same control API a script would use, with every permission.
 */
export async function playScenario(emulator: Emulator, name: ScenarioName, clientId: string): Promise<void> {
  for (const account of SCENARIOS[name]) {
    const res = await emulator.fetch('/_emulator/connect', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId, email: account.email, mode: account.mode, permissions: PERMISSIONS }),
    });
    if (!res.ok) throw new Error(`Scenario ${name} could not connect ${account.email}: ${await res.text()}`);
  }
}
