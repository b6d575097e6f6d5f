// One in-page measurement of a page's colours, run by both drivers: Playwright (support/look.ts)
// and puppeteer driving Firefox (instructor-dashboard-firefox.spec.ts) pass `pageLook` itself to
// their page.evaluate, which sends its source to the page. So it must stay self-contained: every
// helper lives inside it and it reads nothing from this module.

/** A visible form field's border against the background behind it, as a contrast ratio (2 decimals). */
export interface FieldBorder {
  field: string;
  border: string;
  behind: string;
  ratio: number;
}

/** An outline button's border against the background behind it, as a contrast ratio (2 decimals). */
export interface ButtonBorder {
  button: string;
  border: string;
  behind: string;
  ratio: number;
}

/** The page's own background and text as relative luminances (0 black, 1 white), its fields' borders and its outline buttons' borders. */
export interface PageLook {
  background: number;
  text: number;
  fields: FieldBorder[];
  buttons: ButtonBorder[];
}

/**
 * Evaluated in the page. Each visible form field's border against the background behind it: WCAG
 * 1.4.11 asks 3:1 for what identifies a control, and a text field or a select is known by its
 * boundary (axe does not check this). Checkboxes, radios (the browser draws them) and hidden
 * inputs, fields without a border, and the editor's and terminal's own hidden textareas are left out.
 * And each visible, enabled outline button's border: a button whose fill stands out 3:1 from what
 * is behind it is known by that fill, and one with no border by its text alone; one drawn by a
 * border on a fill that does not stand out (a ghost or outline button) is known by that border.
 */
export function pageLook(): PageLook {
  const channels = (css: string): number[] => (css.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = (css: string): number => {
    const [r, g, b] = channels(css)
      .slice(0, 3)
      .map((c) => c / 255)
      .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const opaque = (css: string): boolean => css !== 'transparent' && (channels(css)[3] ?? 1) > 0;
  const behind = (el: Element): string => {
    for (let at = el.parentElement; at; at = at.parentElement) {
      const bg = getComputedStyle(at).backgroundColor;
      if (opaque(bg)) return bg;
    }
    return 'rgb(255, 255, 255)';
  };
  const contrast = (x: string, y: string): number => {
    const [a, b] = [luminance(x), luminance(y)];
    return Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 100) / 100;
  };
  const fields = [...document.querySelectorAll<HTMLElement>('select, textarea, input:not([type=checkbox]):not([type=radio]):not([type=hidden])')]
    .filter((el) => !el.closest('.monaco-editor, .xterm') && el.getClientRects().length > 0)
    .filter((el) => getComputedStyle(el).visibility === 'visible' && parseFloat(getComputedStyle(el).borderTopWidth) > 0)
    .map((el) => {
      const border = getComputedStyle(el).borderTopColor;
      const back = behind(el);
      return {
        field:
          el.getAttribute('aria-label') ||
          (el as HTMLInputElement).labels?.[0]?.textContent?.trim() ||
          el.getAttribute('name') ||
          el.id ||
          el.tagName.toLowerCase(),
        border,
        behind: back,
        ratio: contrast(border, back),
      };
    });
  const buttons = [...document.querySelectorAll<HTMLElement>('button, [role=button], a.button')]
    .filter((el) => !el.closest('.monaco-editor, .xterm') && el.getClientRects().length > 0 && !el.matches(':disabled'))
    .filter((el) => {
      const style = getComputedStyle(el);
      return style.visibility === 'visible' && parseFloat(style.borderTopWidth) > 0 && opaque(style.borderTopColor);
    })
    .filter((el) => {
      const fill = getComputedStyle(el).backgroundColor;
      return !opaque(fill) || contrast(fill, behind(el)) < 3;
    })
    .map((el) => {
      const border = getComputedStyle(el).borderTopColor;
      const back = behind(el);
      return {
        button: el.getAttribute('aria-label') || el.textContent?.trim() || el.tagName.toLowerCase(),
        border,
        behind: back,
        ratio: contrast(border, back),
      };
    });
  const page = getComputedStyle(document.body);
  return { background: luminance(page.backgroundColor), text: luminance(page.color), fields, buttons };
}
