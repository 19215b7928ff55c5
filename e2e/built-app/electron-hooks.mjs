// Module resolution hook (runs in Node's loader thread): "electron" is the stand-in. Nothing else
// is touched, so out/main/index.js and its chunks load exactly as built.
const ENTRY = new URL('./electron-entry.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: ENTRY, shortCircuit: true };
  return nextResolve(specifier, context);
}
