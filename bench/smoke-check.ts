/**
 * What makes a bench run broken rather than slow: a figure that could not be taken because
 * something failed (a page error, a missing element), a number that is not finite, or a timeline
 * with no item drawn. In the smoke (1,000 events) ours must also finish every figure; a peer
 * that runs out of its short time is reported, not an error.
 */
import type { Measurement, PeerValue } from './measurement';

const failed = (note: string | undefined) => note?.includes('failed:') === true;

function peerProblem(m: Measurement, name: string, peer: PeerValue): string | null {
  if (failed(peer.note)) return `${name}: ${peer.note}`;
  if (peer.status !== 'ok') return null;
  if (peer.value === null || !Number.isFinite(peer.value)) return `${name}: not a finite number`;
  if (m.name.endsWith('.items') && peer.value === 0) return `${name}: no item drawn`;
  return null;
}

export function smokeProblems(measurements: readonly Measurement[], smoke: boolean): string[] {
  const problems: string[] = [];
  for (const m of measurements) {
    if (m.skipped !== undefined) continue;
    const where = `${m.name} at ${m.events.toLocaleString('en')} events`;
    if (m.value === null) {
      if (smoke || failed(m.note)) problems.push(`${where}: ${m.note ?? 'no figure'}`);
    } else if (!Number.isFinite(m.value)) {
      problems.push(`${where}: ${m.value} is not a finite number`);
    } else if (m.name.endsWith('.items') && m.value === 0) {
      problems.push(`${where}: no item drawn`);
    }
    for (const [name, peer] of Object.entries(m.peers)) {
      const problem = peerProblem(m, name, peer);
      if (problem) problems.push(`${where}, ${problem}`);
    }
  }
  return problems;
}
