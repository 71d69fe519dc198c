import { describe, expect, it } from 'vitest';
import { configText, jinjaToJson, orderedObject, pre, pyDumps } from '../../src/manifest/json-text.js';

describe('JSON text in the ACI CNI layout', () => {
  it('pyDumps prints as Python json.dumps(indent=4, sort_keys=True)', () => {
    expect(pyDumps({ b: [1, 'x'], a: {} }, 4)).toBe('{\n    "a": {},\n    "b": [\n        1,\n        "x"\n    ]\n}');
    expect(pyDumps([])).toBe('[]');
    expect(pyDumps('é')).toBe('"\\u00e9"');
  });

  it('jinjaToJson is compact with HTML characters escaped', () => {
    expect(jinjaToJson(['10.4.0.1/24', 'a<b'])).toBe('["10.4.0.1/24", "a\\u003cb"]');
  });

  it('configText: one member per line, nested values indented under it, spaced keys', () => {
    expect(
      configText(
        {
          flavor: 'k',
          aep: 'x',
          hosts: ['h'],
          epg: orderedObject(
            [
              ['policy-space', 't'],
              ['name', 'n'],
            ],
            1,
          ),
          raw: pre('[1]'),
        },
        ['aep'],
      ),
    ).toBe(
      '{\n    "flavor": "k",\n    "aep" : "x",\n    "hosts": [\n        "h"\n    ],\n    "epg": {\n        "policy-space": "t",\n        "name": "n"\n    },\n    "raw": [1]\n}',
    );
  });
});
