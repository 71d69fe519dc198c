#!/usr/bin/env python3
"""Regenerates src/aci/data/aci-model.json.gz, the ACI object model as data.

Sources (facts only: class names, RN formats, naming and containment,
property names, types, enumerations, ranges and patterns):

  --terraform-meta DIR  the class metadata JSON files the Terraform ACI
                        provider generates from an APIC (its gen/meta folder:
                        `fetch github:CiscoDevNet/terraform-provider-aci`,
                        then `git archive HEAD gen/meta | tar -x`)
  --ansible DIR         the cisco.aci collection's modules (Debian package
                        `ansible`: /usr/lib/python3/dist-packages/
                        ansible_collections/cisco/aci/plugins/modules): the
                        classes, RNs, parents and properties each module sends
  --extra FILE          scripts/aci-model-extra.json: facts of classes neither
                        source describes (seen in APIC answers and the
                        conformance dumps), merged last

  python3 scripts/gen-aci-model.py --terraform-meta /tmp/meta --ansible $MODS

Output: {"classes": {NAME: CLASS}, "types": [TYPE]} where CLASS is
{"rn": FORMAT|null, "parents": [...], "props": {PROP: TYPE_INDEX|-1},
 "ro": [...], "r": [roles], "w": [roles]} ("rn" null: known by name only;
props -1: no type known) and TYPE one of
{"k":"enum","v":[words],"bits":true?,"num":true?,"min":N?,"max":N?},
{"k":"num","min":N,"max":N}, {"k":"str","min":N,"max":N,"re":[[regex,incl]]},
{"k":"ip"}, {"k":"mac"}, {"k":"encap"}.
"""
import argparse
import ast
import glob
import gzip
import json
import os
import re
import sys

UNIVERSAL_SKIP = {'dn', 'rn', 'status', 'childAction', 'modTs', 'lcOwn', 'uid', 'extMngdBy', 'monPolDn', 'userdom'}
INT_RANGES = {
    'scalar:UByte': (0, 255), 'scalar:Uint8': (0, 255), 'scalar:Uint16': (0, 65535), 'scalar:Uint32': (0, 4294967295),
    'scalar:Uint64': (0, 18446744073709551615), 'scalar:Sint16': (-32768, 32767), 'scalar:Sint32': (-2147483648, 2147483647),
    'scalar:Sint64': (-9223372036854775808, 9223372036854775807),
}


def cls_name(qualified):
    return qualified.replace(':', '')


class Model:
    def __init__(self):
        self.classes = {}
        self.types = []
        self.type_index = {}

    def cls(self, name):
        return self.classes.setdefault(name, {'rn': None, 'parents': [], 'props': {}, 'ro': []})

    def type_ref(self, spec):
        if spec is None:
            return -1
        key = json.dumps(spec, sort_keys=True)
        if key not in self.type_index:
            self.type_index[key] = len(self.types)
            self.types.append(spec)
        return self.type_index[key]

    def add_parent(self, name, parent):
        c = self.cls(name)
        if parent and parent not in c['parents']:
            c['parents'].append(parent)

    def add_prop(self, name, prop, type_ref=-1):
        if prop in UNIVERSAL_SKIP:
            return
        props = self.cls(name)['props']
        if props.get(prop, -1) == -1:
            props[prop] = type_ref


def js_regex_ok(regex):
    # Patterns a JavaScript RegExp reads the same way (no POSIX classes, no lookbehind quirks).
    return '[[:' not in regex and '(?<' not in regex


def prop_type(p):
    base = p.get('baseType', '')
    words = [v['localName'] for v in p.get('validValues', []) if v.get('localName') not in (None, '', 'defaultValue')]
    rng = None
    for v in p.get('validators', []) or []:
        if 'min' in v and 'max' in v and 'regexs' not in v:
            rng = (v['min'], v['max'])
    if base.startswith('scalar:Enum') or base == 'scalar:Bool':
        return {'k': 'enum', 'v': words} if words else None
    if base.startswith('scalar:Bitmask'):
        return {'k': 'enum', 'v': words, 'bits': True} if words else None
    if base in INT_RANGES:
        lo, hi = rng if rng else INT_RANGES[base]
        spec = {'k': 'num', 'min': lo, 'max': hi}
        if words:
            spec = {'k': 'enum', 'v': words, 'num': True, 'min': lo, 'max': hi}
        return spec
    if base == 'address:MAC' or p.get('validateAsMAC'):
        return {'k': 'mac'}
    if base.startswith('address:I') or p.get('validateAsIPv4OrIPv6'):
        return {'k': 'ip'}
    if base == 'base:Encap':
        return {'k': 'encap'}
    if base.startswith('string:') and base != 'string:Password':
        for v in p.get('validators', []) or []:
            res = [[r['regex'], r.get('type', 'include') == 'include'] for r in v.get('regexs', []) if js_regex_ok(r['regex'])]
            return {'k': 'str', 'min': v.get('min', 0), 'max': v.get('max', 512), 're': res}
    return None


def read_terraform(model, folder):
    for f in sorted(glob.glob(os.path.join(folder, '*.json'))):
        if os.path.getsize(f) == 0:
            continue
        with open(f) as fh:
            data = json.load(fh)
        for qualified, c in data.items():
            name = cls_name(qualified)
            m = model.cls(name)
            m['rn'] = c.get('rnFormat') or m['rn']
            for parent in c.get('containedBy', {}):
                model.add_parent(name, cls_name(parent))
            m['r'] = sorted(c.get('readAccess', []))
            m['w'] = sorted(c.get('writeAccess', []))
            for pname, p in c.get('properties', {}).items():
                settable = p.get('isConfigurable') and not p.get('readOnly')
                if pname in UNIVERSAL_SKIP:
                    continue
                if settable or p.get('isNaming'):
                    model.add_prop(name, pname, model.type_ref(prop_type(p)))
                elif pname not in m['ro']:
                    m['ro'].append(pname)
            # Children: known by name (and RN prefix); fixed RNs are whole formats.
            prefixes = {cls_name(v): k for k, v in c.get('rnMap', {}).items()}
            for child in c.get('contains', {}):
                cn = cls_name(child)
                model.add_parent(cn, name)
                rn = prefixes.get(cn)
                cm = model.cls(cn)
                if rn:
                    cm.setdefault('prefix', rn)
                if cm['rn'] is None and rn and not rn.endswith('-') and '[' not in rn:
                    cm['rn'] = rn


# --- Ansible --------------------------------------------------------------

def const_str(node):
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def dict_items(node):
    """Keyword/key -> value node of a dict(...) call or a {...} literal."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == 'dict':
        return {k.arg: k.value for k in node.keywords if k.arg}
    if isinstance(node, ast.Dict):
        return {const_str(k): v for k, v in zip(node.keys, node.values) if k is not None and const_str(k) is not None}
    return None


def rn_template(node):
    """('BD-{}', [arg nodes]) from "BD-{0}".format(bd) or f"BD-{bd}"."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value, []
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == 'format':
        fmt = const_str(node.func.value)
        if fmt is None:
            return None
        args = list(node.args)
        out, used = '', []
        pos = 0
        for m in re.finditer(r'\{(\d*)\}', fmt):
            out += fmt[pos:m.start()] + '{}'
            idx = int(m.group(1)) if m.group(1) else len(used)
            if idx >= len(args):
                return None
            used.append(args[idx])
            pos = m.end()
        return out + fmt[pos:], used
    if isinstance(node, ast.JoinedStr):
        out, used = '', []
        for v in node.values:
            if isinstance(v, ast.Constant):
                out += v.value
            elif isinstance(v, ast.FormattedValue):
                out += '{}'
                used.append(v.value)
        return out, used
    return None


def var_of(node):
    return node.id if isinstance(node, ast.Name) else None


def read_ansible(model, folder):
    for f in sorted(glob.glob(os.path.join(folder, 'aci_*.py'))):
        try:
            tree = ast.parse(open(f).read())
        except SyntaxError:
            continue
        # Every dict assigned to a name, for `class_config=class_config`.
        named = {}
        extra_keys = {}
        strings = {}
        lists = {}
        for n in ast.walk(tree):
            if isinstance(n, ast.Assign) and len(n.targets) == 1:
                t = n.targets[0]
                if isinstance(t, ast.Name) and const_str(n.value) is not None:
                    strings.setdefault(t.id, set()).add(const_str(n.value))
                if isinstance(t, ast.Name) and isinstance(n.value, ast.List):
                    lists.setdefault(t.id, []).extend(n.value.elts)
                if isinstance(t, ast.Name) and dict_items(n.value) is not None:
                    named.setdefault(t.id, {}).update(dict_items(n.value))
                if isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name) and const_str(t.slice):
                    extra_keys.setdefault(t.value.id, set()).add(const_str(t.slice))
        payloads = {}
        for n in ast.walk(tree):
            if not (isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)):
                continue
            kw = {k.arg: k.value for k in n.keywords if k.arg}
            if n.func.attr != 'payload':
                continue
            ac = kw.get('aci_class')
            names = [const_str(ac)] if const_str(ac) else sorted(strings.get(ac.id, ())) if isinstance(ac, ast.Name) else []
            for cname in names:
                cfg = kw.get('class_config')
                items = dict_items(cfg) if cfg is not None else None
                keys = set()
                if items is None and isinstance(cfg, ast.Name):
                    items = named.get(cfg.id, {})
                    keys |= extra_keys.get(cfg.id, set())
                items = items or {}
                keys |= set(items)
                payloads.setdefault(cname, {}).update(items)
                for k in keys:
                    model.add_prop(cname, k)
                children = kw.get('child_configs')
                elts = children.elts if isinstance(children, ast.List) else lists.get(children.id, []) if isinstance(children, ast.Name) else []
                for child in elts:
                    ci = dict_items(child) or {}
                    for ccls, body in ci.items():
                        bi = dict_items(body) or {}
                        attrs = dict_items(bi.get('attributes')) if bi.get('attributes') is not None else {}
                        model.add_parent(ccls, cname)
                        for k in attrs or {}:
                            model.add_prop(ccls, k)
        for n in ast.walk(tree):
            if not (isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == 'construct_url'):
                continue
            kw = {k.arg: k.value for k in n.keywords if k.arg}
            levels = ['root_class'] + [f'subclass_{i}' for i in range(1, 10)]
            parent = 'polUni'
            for level in levels:
                d = dict_items(kw[level]) if level in kw else None
                if d is None:
                    break
                cname = const_str(d.get('aci_class'))
                tmpl = rn_template(d['aci_rn']) if 'aci_rn' in d else None
                if cname is None or tmpl is None:
                    parent = None
                    continue
                fmt, args = tmpl
                segments = fmt.split('/')
                rn_fmt = segments[-1]
                if len(segments) > 1 and level == 'root_class' and all('{' not in s for s in segments[:-1]):
                    parent = 'rn:' + '/'.join(segments[:-1])
                own_args = args[len(args) - rn_fmt.count('{}'):] if rn_fmt.count('{}') else []
                tf = dict_items(d.get('target_filter')) if d.get('target_filter') is not None else {}
                cfg = payloads.get(cname, {})
                props = []
                for a in own_args:
                    v = var_of(a)
                    prop = next((k for k, x in (tf or {}).items() if var_of(x) == v and v), None)
                    prop = prop or next((k for k, x in cfg.items() if var_of(x) == v and v), None)
                    props.append(prop)
                if own_args and len(own_args) == 1 and props[0] is None and 'name' in cfg:
                    props[0] = 'name'
                m = model.cls(cname)
                if all(props) and rn_fmt and m['rn'] is None:
                    out = rn_fmt
                    for p in props:
                        out = out.replace('{}', '{' + p + '}', 1)
                    m['rn'] = out
                    for p in props:
                        model.add_prop(cname, p)
                if parent:
                    model.add_parent(cname, parent)
                parent = cname
            cc = kw.get('child_classes')
            if parent and isinstance(cc, ast.List):
                for e in cc.elts:
                    if const_str(e):
                        model.add_parent(const_str(e), parent)


def resolve_rn_parents(model, fixed_paths):
    """Parents written as a fixed path below uni (`rn:infra/funcprof`) become the class at that path."""
    for c in model.classes.values():
        out = []
        for p in c['parents']:
            if p.startswith('rn:'):
                p = fixed_paths.get(p[3:])
            if p and p not in out:
                out.append(p)
        c['parents'] = out


def relation_rns(model):
    """RN formats of relation classes (`infraRsCdpIfPol`) the sources name without one.

    A relation's RN is `rs` and its name after `Rs` (`rscdpIfPol`); one with
    an RN prefix ending in `-` (`rscons-`) holds many, named by its target
    (`rscons-{tnVzBrCPName}`, `rspathAtt-[{tDn}]`).
    """
    for name, c in model.classes.items():
        m = re.match(r'^[a-z][a-z0-9]*Rs([A-Z][A-Za-z0-9]*)$', name)
        prefix = c.get('prefix')
        # Most other classes a client writes are named by `name` (`nodeblk-{name}`).
        if c['rn'] is None and not m and c['parents'] and prefix and prefix.endswith('-') and 'name' in c['props']:
            c['rn'] = prefix + '{name}'
        if c['rn'] is not None or not m or not c['parents']:
            continue
        prefix = c.get('prefix')
        targets = [p for p in c['props'] if re.match(r'^tn[A-Z]\w*Name$', p)] or [p for p in c['props'] if p == 'tDn']
        if prefix and prefix.endswith('-'):
            if len(targets) == 1:
                t = targets[0]
                c['rn'] = prefix + ('[{tDn}]' if t == 'tDn' else '{' + t + '}')
            continue
        if prefix:
            c['rn'] = prefix
            continue
        rest = m.group(1)
        c['rn'] = 'rs' + (rest if len(rest) > 1 and rest[1].isupper() else rest[0].lower() + rest[1:])


def merge_extra(model, path):
    with open(path) as fh:
        extra = json.load(fh)
    model.fixed_paths = extra.get('fixedPaths', {})
    for name, c in extra['classes'].items():
        m = model.cls(name)
        if 'rn' in c:
            m['rn'] = c['rn']
        for p in c.get('parents', []):
            model.add_parent(name, p)
        for k in ('r', 'w'):
            if k in c:
                m[k] = c[k]
        for prop, spec in c.get('props', {}).items():
            m['props'][prop] = model.type_ref(spec) if spec != -1 else m['props'].get(prop, -1)
        for p in re.findall(r'\{(\w+)\}', m['rn'] or ''):
            m['props'].setdefault(p, -1)
        for prop in c.get('ro', []):
            m['props'].pop(prop, None)
            if prop not in m['ro']:
                m['ro'].append(prop)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--terraform-meta', required=True)
    ap.add_argument('--ansible', required=True)
    ap.add_argument('--extra', default=os.path.join(os.path.dirname(__file__), 'aci-model-extra.json'))
    ap.add_argument('-o', '--output', default=os.path.join(os.path.dirname(__file__), '..', 'src', 'aci', 'data', 'aci-model.json.gz'))
    a = ap.parse_args()
    model = Model()
    read_terraform(model, a.terraform_meta)
    read_ansible(model, a.ansible)
    merge_extra(model, a.extra)
    resolve_rn_parents(model, model.fixed_paths)
    relation_rns(model)
    for c in model.classes.values():
        c.pop('prefix', None)
        c['ro'] = sorted(p for p in c['ro'] if p not in c['props'])
        c['parents'] = sorted(c['parents'])
        c['props'] = dict(sorted(c['props'].items()))
    out = {'classes': dict(sorted(model.classes.items())), 'types': model.types}
    text = json.dumps(out, separators=(',', ':'), sort_keys=False).encode()
    os.makedirs(os.path.dirname(a.output), exist_ok=True)
    with open(a.output, 'wb') as fh:
        # mtime 0: the same sources give the same bytes.
        fh.write(gzip.compress(text, compresslevel=9, mtime=0))
    named = sum(1 for c in model.classes.values() if c['rn'])
    print(f'{a.output}: {len(model.classes)} classes ({named} with an RN format), {len(model.types)} types, {len(text)} bytes of JSON', file=sys.stderr)


if __name__ == '__main__':
    main()
