/**
 * The lanes' counts, drawn on one canvas under the timeline's items after each of vis's
 * draws. A zoom or pan redraws a few hundred rectangles and labels here instead of vis moving,
 * and the browser laying out and painting, an element for each count in every frame. Looks as
 * the counts' CSS did: the lane's colour over the surface, darker with more events (level 1 to
 * 5), a 1 px edge in the lane's colour and the count on a light pill.
 */
import {
  boxAt,
  type CountBox,
  type CountScene,
  layoutCounts,
  mixRgb,
  parseHex,
  type Rgb,
  withAlpha,
} from './count-layout';

/** How much of the lane's colour each density level (1 to 5) has; index 0 is a fallback. */
const LEVEL_MIX = [14, 14, 26, 40, 56, 72] as const;
const EDGE_ALPHA = 0.55;
const PILL_ALPHA = 0.88;
const RADIUS = 4;
const PILL_INSET_Y = 3;
const FALLBACK_LANE: Rgb = [0x6b, 0x72, 0x80];

interface Palette {
  readonly surface: Rgb;
  readonly text: string;
  readonly accent: string;
  readonly font: string;
}

export class CountCanvas {
  readonly element: HTMLCanvasElement;
  readonly #context: CanvasRenderingContext2D | null;
  readonly #host: HTMLElement;
  #palette: Palette;
  #scene: CountScene | null = null;
  #boxes: CountBox[] = [];
  readonly #labelWidths = new Map<string, number>();
  readonly #fills = new Map<string, { levels: string[]; edge: string }>();

  /**
   * `host` gives the colours and font (its CSS custom properties --surface and --text); `signal`
   * ends the canvas's watch of the theme.
   */
  constructor(host: HTMLElement, signal: AbortSignal) {
    this.#host = host;
    this.element = document.createElement('canvas');
    this.element.className = 'count-canvas';
    this.element.setAttribute('aria-hidden', 'true');
    this.#context = this.element.getContext('2d');
    this.#palette = this.#readPalette();
    // Light and dark themes differ in the surface and text colours.
    matchMedia('(prefers-color-scheme: dark)').addEventListener(
      'change',
      () => {
        this.#palette = this.#readPalette();
        this.#fills.clear();
        if (this.#scene) this.draw(this.#scene);
      },
      { signal },
    );
  }

  draw(scene: CountScene): void {
    this.#scene = scene;
    const context = this.#context;
    if (!context) return;
    const ratio = window.devicePixelRatio || 1;
    const [width, height] = [
      Math.round(scene.areaWidth * ratio),
      Math.round(scene.areaHeight * ratio),
    ];
    if (this.element.width !== width || this.element.height !== height) {
      [this.element.width, this.element.height] = [width, height];
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, scene.areaWidth, scene.areaHeight);
    context.font = this.#palette.font;
    this.#boxes = layoutCounts(scene, (label) => this.#labelWidth(context, label));
    for (const box of this.#boxes) this.#drawBox(context, box);
    const active = this.#boxes.find((box) => box.count.id === scene.activeId);
    if (active) this.#drawRing(context, active);
  }

  /** The keyboard's place: a ring in the accent colour, as a selected event has. */
  #drawRing(context: CanvasRenderingContext2D, box: CountBox): void {
    context.beginPath();
    context.roundRect(box.x - 1, box.y - 1, box.width + 2, box.height + 2, RADIUS + 1);
    context.strokeStyle = this.#palette.accent;
    context.lineWidth = 2;
    context.stroke();
  }

  /** The count drawn at a point of the item area, if any. */
  at(x: number, y: number): CountBox | null {
    return boxAt(this.#boxes, x, y);
  }

  #drawBox(context: CanvasRenderingContext2D, box: CountBox): void {
    const fills = this.#fillsOf(box.band.color);
    context.beginPath();
    context.roundRect(box.x, box.y, box.width, box.height, RADIUS);
    context.fillStyle = fills.levels[box.count.level] ?? fills.levels[0] ?? '';
    context.fill();
    context.beginPath();
    context.roundRect(box.x + 0.5, box.y + 0.5, box.width - 1, box.height - 1, RADIUS - 0.5);
    context.strokeStyle = fills.edge;
    context.lineWidth = 1;
    context.stroke();
    if (!box.pill) return;
    // As the counts' elements did (overflow hidden): a label wider than its box is cut at its edge.
    if (box.pill.clipped) {
      context.save();
      context.beginPath();
      context.rect(box.x + 1, box.y, box.width - 2, box.height);
      context.clip();
    }
    const pillHeight = box.height - 2 * PILL_INSET_Y;
    context.beginPath();
    context.roundRect(box.pill.x, box.y + PILL_INSET_Y, box.pill.width, pillHeight, 3);
    context.fillStyle = withAlpha(this.#palette.surface, PILL_ALPHA);
    context.fill();
    context.fillStyle = this.#palette.text;
    context.textBaseline = 'middle';
    context.fillText(box.count.label, box.pill.x + 4, box.y + box.height / 2 + 0.5);
    if (box.pill.clipped) context.restore();
  }

  #fillsOf(color: string): { levels: string[]; edge: string } {
    let fills = this.#fills.get(color);
    if (!fills) {
      const lane = parseHex(color) ?? FALLBACK_LANE;
      fills = {
        levels: LEVEL_MIX.map((percent) => mixRgb(lane, this.#palette.surface, percent)),
        edge: withAlpha(lane, EDGE_ALPHA),
      };
      this.#fills.set(color, fills);
    }
    return fills;
  }

  #labelWidth(context: CanvasRenderingContext2D, label: string): number {
    let width = this.#labelWidths.get(label);
    if (width === undefined) {
      width = context.measureText(label).width;
      this.#labelWidths.set(label, width);
    }
    return width;
  }

  #readPalette(): Palette {
    const style = getComputedStyle(this.#host);
    const surface = parseHex(this.#normalise(style.getPropertyValue('--surface'))) ?? [
      255, 255, 255,
    ];
    this.#labelWidths.clear();
    return {
      surface,
      text: style.getPropertyValue('--text').trim() || '#1d2330',
      accent: style.getPropertyValue('--accent').trim() || '#2563c9',
      font: `600 11px ${style.fontFamily}`,
    };
  }

  /** Any CSS colour as #rrggbb (a canvas gives back the colours it is given in that form). */
  #normalise(color: string): string {
    if (!this.#context) return color;
    this.#context.fillStyle = '#000000';
    this.#context.fillStyle = color.trim();
    return String(this.#context.fillStyle);
  }
}
