/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */

// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { Fragment, h } from '../../../http/jsx.js';
import { formatAge, humanise } from '../../signals/signal-format.js';
import { signalLabel } from '../../signals/signal-labels.js';
import type { VehicleProblem } from '../vehicle-errors.repository.js';

/** The element id of a vehicle's reported problems, which live updates replace. */
export const problemsId = (vehicleId: string) => `problems-${vehicleId}`;

/** The element id of a dashboard card's problem count, which live updates replace. */
export const problemCountId = (vehicleId: string) => `problem-count-${vehicleId}`;

/**
 * A dashboard card's line about reported problems, linking to the vehicle's
 * page where they are told. Always rendered (empty when none) for live updates.
 */
export function ProblemCount({ vehicleId, count, href }: { vehicleId: string; count: number; href: string }) {
  if (count === 0) return <div id={problemCountId(vehicleId)} />;
  return (
    <p id={problemCountId(vehicleId)} class="notice small">
      <a href={href}>
        {count === 1 ? 'Smartcar reports a problem' : `Smartcar reports ${count} problems`} with this vehicle
      </a>
    </p>
  );
}

/** What the person reads first: Smartcar's message for them, else its description, else the code in words. */
export function problemMessage(problem: VehicleProblem): string {
  return problem.suggestedUserMessage ?? problem.description ?? humanise(problem.code ?? problem.type);
}

/**
 * The problems Smartcar reports about a vehicle (`VEHICLE_ERROR` webhooks)
 * and has not reported resolved. Always rendered, empty when there are
 * none, so a live update can fill it in.
 */
export function VehicleProblems({
  vehicleId,
  problems,
  now,
}: {
  vehicleId: string;
  problems: readonly VehicleProblem[];
  now: number;
}) {
  if (problems.length === 0) return <div id={problemsId(vehicleId)} />;
  return (
    <div id={problemsId(vehicleId)} class="notice vehicle-problems" role="status">
      <p>
        <strong>
          {problems.length === 1
            ? 'Smartcar reports a problem'
            : `Smartcar reports ${problems.length} problems`}{' '}
          with this vehicle
        </strong>
      </p>
      <ul>
        {problems.map((problem) => (
          <li>
            {problemMessage(problem)}
            {problem.resolutionType === 'REAUTHENTICATE' ? (
              <>
                {' '}
                <a href="/login">Connect your vehicle again</a>
              </>
            ) : problem.resolutionType === 'RETRY_LATER' ? (
              ' It should pass by itself.'
            ) : null}
            {problem.signalCodes.length > 0 ? (
              <span class="small"> Affects: {problem.signalCodes.map(signalLabel).join(', ')}.</span>
            ) : null}{' '}
            <span class="muted small">
              (
              {[humanise(problem.type), problem.code ? humanise(problem.code) : undefined]
                .filter(Boolean)
                .join(' · ')}
              , reported {formatAge(problem.reportedAt, now)})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
