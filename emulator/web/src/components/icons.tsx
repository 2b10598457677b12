/**
 * @module Inline SVG icons (decorative: always `aria-hidden`, the button carries the label). The
 * shapes are `@iam-testbed/shared/icons`, the same set the extension draws; sizes are the console's.
 */
import { ICON_SVG_ATTRIBUTES, ICONS, type IconName } from '@iam-testbed/shared/icons';

function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg aria-hidden="true" focusable="false" width={size} height={size} {...ICON_SVG_ATTRIBUTES}>
      {ICONS[name].map(([Tag, attributes], i) => (
        <Tag key={i} {...attributes} />
      ))}
    </svg>
  );
}

export const CopyIcon = () => <Icon name="copy" />;
export const CheckIcon = () => <Icon name="check" />;
export const ChevronIcon = () => <Icon name="chevron" />;
export const KeyIcon = () => <Icon name="key" />;
export const IdIcon = () => <Icon name="id" />;
export const ClockIcon = () => <Icon name="clock" />;
export const ShieldIcon = () => <Icon name="shield" />;
export const SearchIcon = () => <Icon name="search" />;
export const AlertIcon = () => <Icon name="alert" />;
export const InfoIcon = () => <Icon name="info" />;
export const DownloadIcon = () => <Icon name="download" />;
export const CloudIcon = () => <Icon name="cloud" size={22} />;
