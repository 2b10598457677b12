/**
 * @module components/icons
 * The few line icons the popup and options page use, inline SVG (no icon font, no remote or
 * bundled image files). Decorative only: every control that shows one carries its own name, so
 * the icons are `aria-hidden` and hold no text (e2e and tests read buttons' text content). The
 * shapes are `@iam-testbed/shared/icons`, the same set the console draws; the `icon` class (see
 * styles/base.css) and the sizes are the extension's.
 */
import { ICON_SVG_ATTRIBUTES, ICONS, type IconName } from '@iam-testbed/shared/icons';

function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg
      class="icon"
      width={size}
      height={size}
      {...ICON_SVG_ATTRIBUTES}
      aria-hidden="true"
      focusable="false"
    >
      {ICONS[name].map(([Tag, attributes], i) => (
        <Tag key={i} {...attributes} />
      ))}
    </svg>
  );
}

export const CopyIcon = () => <Icon name="copy" />;
export const CheckIcon = () => <Icon name="check" />;
export const EyeIcon = () => <Icon name="eye" />;
export const EyeOffIcon = () => <Icon name="eyeOff" />;
export const GearIcon = () => <Icon name="gear" size={18} />;
export const KeyIcon = ({ size = 16 }: { size?: number }) => <Icon name="key" size={size} />;
export const ClockIcon = () => <Icon name="clock" size={14} />;
export const TrashIcon = () => <Icon name="trash" size={14} />;
export const SearchIcon = () => <Icon name="search" size={14} />;
export const OpenIcon = () => <Icon name="open" size={14} />;
export const InfoIcon = () => <Icon name="info" size={32} />;
