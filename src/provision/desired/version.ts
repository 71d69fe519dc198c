// APIC release comparisons (`5.2.3` style, as the configuration carries them).

/** Whether `version` is at least `floor`, comparing dotted numbers. */
export function atLeast(version: string | number, floor: string): boolean {
  const a = String(version)
    .split('.')
    .map((x) => Number.parseInt(x, 10) || 0);
  const b = floor.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}
