// A PostCSS plugin (run by Vite on Blueprint's stylesheet only): Blueprint 6 writes physical sides
// (margin-right, padding-left, text-align: left…), so in Arabic its buttons, inputs and dialogs
// would keep left-to-right spacing. Each such declaration becomes its logical twin, which reads
// the same in left-to-right and mirrors in right-to-left. Positions (left:/right:) are rewritten
// only for the input group's icons and buttons: popovers and tooltips are placed by JavaScript in
// physical pixels and must keep their physical CSS.

import type { Plugin, Rule } from 'postcss';

const SIDE: Record<string, string> = { left: 'inline-start', right: 'inline-end' };
const CORNER: Record<string, string> = { 'top-left': 'start-start', 'top-right': 'start-end', 'bottom-left': 'end-start', 'bottom-right': 'end-end' };
const POSITIONED = /bp6-input-(left-container|action)|bp6-input-group/;

export function logicalProp(prop: string, selector = ''): string {
  let m = /^(margin|padding|border)-(left|right)(-.+)?$/.exec(prop);
  if (m) return `${m[1]}-${SIDE[m[2]!]}${m[3] ?? ''}`;
  m = /^border-(top|bottom)-(left|right)-radius$/.exec(prop);
  if (m) return `border-${CORNER[`${m[1]}-${m[2]}`]}-radius`;
  if ((prop === 'left' || prop === 'right') && POSITIONED.test(selector)) return `inset-${SIDE[prop]}`;
  return prop;
}

export function logicalValue(prop: string, value: string): string {
  if (prop === 'text-align' || prop === 'float' || prop === 'clear') return value.replace(/^left\b/, prop === 'text-align' ? 'start' : 'inline-start').replace(/^right\b/, prop === 'text-align' ? 'end' : 'inline-end');
  return value;
}

export function logicalCss(only: RegExp): Plugin {
  return {
    postcssPlugin: 'cordon-logical-css',
    Once(root) {
      if (!only.test(root.source?.input.file ?? '')) return;
      root.walkDecls((d) => {
        d.prop = logicalProp(d.prop, (d.parent as Rule | undefined)?.selector);
        d.value = logicalValue(d.prop, d.value);
      });
    },
  };
}
