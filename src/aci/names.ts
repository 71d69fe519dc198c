// The APIC's rules for the values that name objects (the properties of a
// class's RN). An APIC refuses a POST whose name breaks them; checking them
// offline lets a run stop before its first request instead of midway.
import { classInfo } from './classes.js';

export interface NameRule {
  pattern: RegExp;
  /** The rule in words, for problems: "letters, digits, ...". */
  text: string;
}

/** The APIC's `naming:Name` type, used by most policy objects (tenants, EPGs, domains, pools, ...). */
export const ACI_NAME: NameRule = {
  pattern: /^[a-zA-Z0-9_.:-]{1,64}$/,
  text: 'an APIC name: 1 to 64 characters, letters, digits and _ . : - only',
};

/** Local users (`aaaUser`): the APIC's login ID rule. */
export const ACI_LOGIN_ID: NameRule = {
  pattern: /^[a-zA-Z0-9_][a-zA-Z0-9_.@-]{0,31}$/,
  text: 'an APIC login ID: 1 to 32 characters, letters, digits and _ . @ -, not starting with . @ or -',
};

const BY_CLASS: Readonly<Record<string, NameRule>> = { aaaUser: ACI_LOGIN_ID };

/** The rule for the `name` naming property of a class (undefined: the class is not named by `name`). */
export function nameRule(className: string): NameRule | undefined {
  const info = classInfo(className);
  if (!info?.naming.includes('name')) return undefined;
  return BY_CLASS[className] ?? ACI_NAME;
}
