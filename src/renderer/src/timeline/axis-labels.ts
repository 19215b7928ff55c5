/**
 * vis-timeline draws an axis label at its date even when the label then runs past the plot's
 * edge, where the panel cuts it ("202" of "2021"). After each draw, a label that would be cut is
 * hidden instead: the axis shows whole labels only.
 */
const CUT = 'axis-label--cut';

export function hideCutAxisLabels(container: HTMLElement): void {
  const axis = container.querySelector<HTMLElement>('.vis-panel.vis-top .vis-time-axis');
  const plot = container.querySelector<HTMLElement>('.vis-panel.vis-center');
  if (!axis || !plot) return;
  const { left, right } = plot.getBoundingClientRect();
  // Read every box first, then write: one layout, however many labels. A label hidden before
  // keeps its box (visibility), so it is read as it stands: a class taken off before each read
  // laid the page out once per label.
  const labels = [...axis.querySelectorAll<HTMLElement>('.vis-text')];
  const boxes = labels.map((label) => label.getBoundingClientRect());
  labels.forEach((label, index) => {
    const box = boxes[index];
    const cut =
      box !== undefined && box.width > 0 && (box.left < left - 0.5 || box.right > right + 0.5);
    if (label.classList.contains(CUT) !== cut) label.classList.toggle(CUT, cut);
  });
}
