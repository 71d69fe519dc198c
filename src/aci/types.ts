// The managed object (MO): what an APIC stores and what its REST API carries.
// On the wire an MO is `{ "<class>": { "attributes": {...}, "children": [...] } }`;
// in memory it is this flat record, converted at the edges (see ./json.ts).

export interface ManagedObject {
  /** ACI class name, e.g. `fvTenant`. */
  className: string;
  /** Property values, all strings as the APIC returns them (`dn`, `name`, `status`, ...). */
  attributes: Record<string, string>;
  children: ManagedObject[];
}

/** One row of the class table: how a class is named and where it may live. */
export interface AciClassInfo {
  className: string;
  /** RN format with `{prop}` placeholders, e.g. `tn-{name}`, `rsdomP-[{tDn}]`, `vlanns-[{name}]-{allocMode}`. */
  rnFormat: string;
  /** The naming properties, in the order they appear in the RN. */
  naming: string[];
  /** Classes this one may be a child of (`polUni` for top-level ones under `uni`). */
  parents: string[];
  /** Properties a client may set (naming ones included), beyond the universal ones
   * (`dn`, `rn`, `status`, `annotation`, `descr`, `nameAlias`, `ownerKey`, `ownerTag`, `childAction`, `userdom`). */
  props: string[];
  /** Read-only properties the APIC computes (shown on reads, refused on writes). */
  readOnly?: string[];
  /** For relation classes: the property holding the target DN (`tDn`) or the
   * target name (`tnFvBDName`) and the class of the target. */
  relation?: { targetProp: string; targetClass?: string };
}
