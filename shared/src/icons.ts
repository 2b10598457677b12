/**
 * @module @iam-testbed/shared/icons
 *
 * The line icons of the emulated console and the extension, as data (no framework): each icon is
 * the list of elements inside a 24×24 `<svg>`, each a tag and its attributes as written in the
 * markup. Every icon is drawn with {@link ICON_SVG_ATTRIBUTES} (stroked with `currentColor`, no
 * fill). Each app renders them with a few lines of its own (`emulator/web/src/components/icons.tsx`,
 * `extension/components/icons.tsx`), which add the size, any class and `aria-hidden`.
 * Shapes in the manner of Lucide; `search` uses Lucide's lens (r 8).
 */

/** One element of an icon: its tag and its attributes, as they are written in the markup. */
export type IconElement = readonly [
  tag: 'circle' | 'path' | 'rect',
  attributes: Readonly<Record<string, string>>,
];

/** The `<svg>` attributes every icon is drawn with (besides its size). */
export const ICON_SVG_ATTRIBUTES = {
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  'stroke-width': '2',
  'stroke-linecap': 'round',
  'stroke-linejoin': 'round',
} as const;

const path = (d: string): IconElement => ['path', { d }];
const circle = (cx: number, cy: number, r: number): IconElement => [
  'circle',
  { cx: String(cx), cy: String(cy), r: String(r) },
];

const SHAPES = {
  alert: [circle(12, 12, 10), path('M12 8v4M12 16h.01')],
  check: [path('M20 6 9 17l-5-5')],
  chevron: [path('m9 18 6-6-6-6')],
  clock: [circle(12, 12, 10), path('M12 6v6l4 2')],
  cloud: [path('M17.5 19H9a7 7 0 1 1 6.7-9h1.8a4.5 4.5 0 1 1 0 9z')],
  copy: [
    ['rect', { x: '9', y: '9', width: '12', height: '12', rx: '2' }],
    path('M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1'),
  ],
  download: [path('M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4M7 10l5 5 5-5M12 15V3')],
  eye: [path('M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12Z'), circle(12, 12, 3)],
  eyeOff: [
    path(
      'M9.9 4.2A10 10 0 0 1 12 4c6.5 0 10 8 10 8a17 17 0 0 1-2.2 3.2M6.6 6.6C3.8 8.4 2 12 2 12s3.5 8 10 8a9.7 9.7 0 0 0 5.4-1.6',
    ),
    path('M14.1 14.1a3 3 0 0 1-4.2-4.2'),
    path('m2 2 20 20'),
  ],
  gear: [
    circle(12, 12, 3),
    path(
      'M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1Z',
    ),
  ],
  id: [
    ['rect', { x: '3', y: '4', width: '18', height: '16', rx: '2' }],
    circle(9, 10, 2),
    path('M15 8h2M15 12h2M7 16h10'),
  ],
  info: [circle(12, 12, 10), path('M12 16v-4M12 8h.01')],
  key: [circle(7.5, 15.5, 5.5), path('m21 2-9.6 9.6M15.5 7.5l3 3L22 7l-3-3')],
  open: [path('M15 3h6v6M10 14 21 3M18 13v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h6')],
  search: [circle(11, 11, 8), path('m21 21-4.3-4.3')],
  shield: [path('M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z')],
  trash: [
    path('M3 6h18M8 6V4a2 2 0 0 1 2-2h4a2 2 0 0 1 2 2v2m3 0v14a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V6'),
  ],
} satisfies Record<string, readonly IconElement[]>;

export type IconName = keyof typeof SHAPES;

/** Every icon's elements, by name. */
export const ICONS: Readonly<Record<IconName, readonly IconElement[]>> = SHAPES;
