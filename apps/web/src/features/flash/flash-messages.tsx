/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { Fragment, h } from '../../http/jsx.js';
import type { Flash } from './flash.repository.js';

/** The messages left by the last form, each in a box with its way out. `role=status` reads them out. */
export function FlashMessages({ flashes }: { flashes: readonly Flash[] }) {
  if (flashes.length === 0) return null;
  return (
    <div class="flashes" role="status">
      {flashes.map((f) => (
        <p class={`flash flash-${f.kind}`}>
          {f.message}
          {f.action ? (
            <>
              {' '}
              <a href={f.action.href}>{f.action.label}</a>
            </>
          ) : null}
        </p>
      ))}
    </div>
  );
}
