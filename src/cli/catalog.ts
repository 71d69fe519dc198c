// Flavors and samples, loaded only by the flags that need them so that
// `--help` and `-v` stay cheap.
export interface FlavorCatalog {
  sampleConfig(flavor: string): string;
  /** The text of --list-flavors, whole or as lines. */
  listFlavors(): string | readonly string[];
  isKnownFlavor(name: string): boolean;
}

export async function loadCatalog(): Promise<FlavorCatalog> {
  return import('../config/index.js');
}

export function flavorListText(catalog: FlavorCatalog): string {
  const list = catalog.listFlavors();
  return typeof list === 'string' ? list : list.join('\n');
}
