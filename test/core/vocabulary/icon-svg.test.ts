import { describe, expect, it } from 'vitest';
import { checkIconSvg } from '../../../electron/core/store/case-types/icon-svg';

const wrap = (inner: string, attrs = '') => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"${attrs}>${inner}</svg>`;

describe('the icon SVG allow-list', () => {
  it('keeps a plain icon, with gradients referred to inside the file', () => {
    const ok = wrap('<defs><linearGradient id="g"><stop offset="0" stop-color="#f00"/></linearGradient></defs><path d="M2 2h20v20z" fill="url(#g)"/><use href="#g"/>');
    expect(checkIconSvg(`<?xml version="1.0"?>\n${ok}`)).toBe(ok);
  });

  it.each([
    ['a script', wrap('<script>alert(1)</script>'), /<script> element/],
    ['an event handler', wrap('<circle r="3" onload="alert(1)"/>'), /event handler \(onload\)/],
    ['foreignObject', wrap('<foreignObject><div/></foreignObject>'), /<foreignobject>/],
    ['an external href', wrap('<use href="https://evil.example/x.svg#a"/>'), /outside the file/],
    ['an external xlink:href', wrap('<use xlink:href="file:///etc/passwd"/>', ' xmlns:xlink="http://www.w3.org/1999/xlink"'), /outside the file/],
    ['an external url() in fill', wrap('<rect width="4" height="4" fill="url(http://evil.example/p)"/>'), /outside the file/],
    ['a style import', wrap('<rect width="4" height="4" style="background:x;@import \'//evil\'"/>'), /code or an import/],
    ['an image element', wrap('<image href="x.png"/>'), /<image>/],
    ['a DOCTYPE with entities', '<!DOCTYPE svg [<!ENTITY x "y">]>' + wrap('<title>&x;</title>'), /DOCTYPE/],
    ['an unknown attribute', wrap('<rect width="4" height="4" data-x="1"/>'), /attribute data-x/],
    ['not XML', '<svg><path></svg>', /not well-formed|refused/],
    ['not an SVG', '<html xmlns="http://www.w3.org/1999/xhtml"/>', /not an SVG/],
  ])('refuses %s', (_, svg, why) => {
    expect(() => checkIconSvg(svg)).toThrow(why);
  });
});
