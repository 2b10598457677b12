import { CopyButton } from './copy-button';

/**
 * One labelled value in a description list (`<dt>`/`<dd>`), optionally with a copy button. Kept
 * as plain label/value text so a scraper can match label wording and value shape.
 */
export function IdField({
  label,
  value,
  copy = false,
  mono = false,
}: {
  label: string;
  value: string;
  copy?: boolean;
  mono?: boolean;
}) {
  return (
    <div class="field-row">
      <dt>{label}</dt>
      <dd>
        <span class="id-value">
          {mono ? <code>{value}</code> : <span>{value}</span>}
          {copy ? <CopyButton value={value} label={label} /> : null}
        </span>
      </dd>
    </div>
  );
}
