import type { ComponentChildren } from 'preact';

/** The page title block; the `h1` takes focus targets from the skip link. */
export function PageHeader({
  title,
  intro,
  actions,
}: {
  title: string;
  intro?: ComponentChildren;
  actions?: ComponentChildren;
}) {
  return (
    <div class="page-header">
      <div>
        <h1 id="page-title" tabIndex={-1}>
          {title}
        </h1>
        {intro ? <p class="page-intro">{intro}</p> : null}
      </div>
      {actions ? <div class="page-actions">{actions}</div> : null}
    </div>
  );
}
