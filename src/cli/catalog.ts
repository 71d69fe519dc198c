// Flavors and samples, loaded only by the flags that need them so that
// `--help` and `-v` stay cheap.
export interface FlavorCatalog {
  sampleConfig(flavor: string): string;
  /** The text of --list-flavors, whole or as lines. */
  listFlavors(): string | readonly string[];
  isKnownFlavor(name: string): boolean;
  /** The flavor accepts chained CNI (which reads --old-nad-vlan-map-input). */
  hasChainedMode(name: string): boolean;
}

export async function loadCatalog(): Promise<FlavorCatalog> {
  // Not config/index.js: that would load the whole loader for `--sample`.
  const [{ sampleConfig }, { listFlavors, isKnownFlavor, getFlavor }] = await Promise.all([
    import('../config/sample.js'),
    import('../config/flavors.js'),
  ]);
  return { sampleConfig, listFlavors, isKnownFlavor, hasChainedMode: (name) => getFlavor(name)?.modes?.chained === true };
}

export function flavorListText(catalog: FlavorCatalog): string {
  const list = catalog.listFlavors();
  return typeof list === 'string' ? list : list.join('\n');
}
